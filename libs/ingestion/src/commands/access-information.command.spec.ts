import { domainEvent } from '#vocabulary';
import { Dataset } from '../domain/aggregates/dataset.aggregate.js';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { Access } from '../domain/aggregates/provision.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, fingerprintOf, registeredDataset, registeredOrganization, SUBJECT } from '../testing/streams.js';
import { accessInformation } from './access-information.command.js';

const access = {
  accessId: 'a-1', organizationId: 'city', staffCode: 'C-1', subjectId: SUBJECT, viaIdentifier: fingerprintOf('a'), datasetId: 'city-tax',
  items: ['TAX_AMOUNT'], purpose: '住民税の賦課' as string | null, channel: 'TERMINAL' as const, outcome: 'GRANTED' as const, occurredAt: AT,
};
const decide = (data = access, loaded = given(Access, 'a-1'), organization = registeredOrganization('city'), dataset = registeredDataset('city-tax', 'city')) =>
  when(() => accessInformation(loaded, organization, dataset, data));

describe('AccessInformation (閲覧・利用)', () => {
  it('given a registered organization and dataset, when a staff member uses a subject\'s information, then the access is recorded in its own stream', () => {
    expect(decide()).toEqual({
      writes: [{ streamId: 'access-a-1', expected: 'no_stream', events: [domainEvent('InformationAccessed', access)] }],
      events: [domainEvent('InformationAccessed', access)],
    });
  });

  it('given a registered organization and dataset, when an access gives no purpose, then it is recorded without one (a finding, not a refusal)', () => {
    expect(decide({ ...access, purpose: null })).toMatchObject({ events: [{ type: 'InformationAccessed', data: { purpose: null } }] });
  });

  it('given an unregistered organization, when it records an access, then the organization is not found', () => {
    expect(decide(access, undefined, given(Organization, 'city'))).toEqual({ refused: { code: 'NOT_FOUND', field: 'payload.organizationId', reason: 'no organization "city" is registered' } });
  });

  it('given no dataset, when an access names it, then the dataset is not found', () => {
    expect(decide(access, undefined, undefined, given(Dataset, 'city-tax'))).toEqual({ refused: { code: 'NOT_FOUND', field: 'payload.datasetId', reason: 'no dataset "city-tax" is registered' } });
  });

  it('given an access recorded, when the same access id is recorded again, then it is refused as an invariant of the access', () => {
    expect(decide(access, given(Access, 'a-1', domainEvent('InformationAccessed', access)))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.accessId', reason: 'access "a-1" is already recorded' },
    });
  });
});
