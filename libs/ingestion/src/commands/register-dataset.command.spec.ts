import { domainEvent } from '#vocabulary';
import { Dataset } from '../domain/aggregates/dataset.aggregate.js';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, registeredOrganization } from '../testing/streams.js';
import { registerDataset } from './register-dataset.command.js';

const cityTax = {
  datasetId: 'city-tax', holderId: 'city', name: '住民税課税台帳', purpose: '住民税の賦課', domain: 'TAX' as const, legalBasis: '地方税法',
  keyedBy: ['INTERNAL_ID' as const], basic4Fields: ['NAME_KANJI' as const, 'ADDRESS' as const], occurredAt: AT,
};

describe('RegisterDataset (データセットの登録)', () => {
  it('given a registered holder, when it registers a dataset, then the dataset is registered from no stream, as given', () => {
    expect(when(() => registerDataset(given(Dataset, 'city-tax'), registeredOrganization('city'), cityTax))).toEqual({
      writes: [{ streamId: 'dataset-city-tax', expected: 'no_stream', events: [domainEvent('DatasetRegistered', cityTax)] }],
      events: [domainEvent('DatasetRegistered', cityTax)],
    });
  });

  it('given an unregistered holder, when it registers a dataset, then the holder is not found', () => {
    expect(when(() => registerDataset(given(Dataset, 'city-tax'), given(Organization, 'city'), cityTax))).toEqual({
      refused: { code: 'NOT_FOUND', field: 'payload.holderId', reason: 'no organization "city" is registered' },
    });
  });

  it('given a dataset registered by one holder, when another registers the same id, then it is refused as an invariant of the dataset', () => {
    const registered = given(Dataset, 'city-tax', domainEvent('DatasetRegistered', cityTax));
    expect(when(() => registerDataset(registered, registeredOrganization('shop', 'PRIVATE_BUSINESS'), { ...cityTax, holderId: 'shop' }))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.datasetId', reason: 'dataset "city-tax" is already registered' },
    });
  });
});
