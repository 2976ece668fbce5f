import { domainEvent } from '#vocabulary';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { Provision } from '../domain/aggregates/provision.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { informationProvided, registeredOrganization } from '../testing/streams.js';
import { provideInformation } from './provide-information.command.js';

const provision = informationProvided().data;
const REQUESTED = provision.requestedAt;
const decide = (data = provision, loaded = given(Provision, 'p-1'), requester = registeredOrganization('city'), provider = registeredOrganization('pension', 'PENSION')) =>
  when(() => provideInformation(loaded, requester, provider, data));

// Whether a row of the table of permitted provisions allows it is not the decider's to refuse: an unpermitted provision is a finding.
describe('ProvideInformation (情報提供)', () => {
  it('given a registered requester and provider, when information is provided, then the provision is recorded in its own stream', () => {
    expect(decide()).toEqual({
      writes: [{ streamId: 'provision-p-1', expected: 'no_stream', events: [domainEvent('InformationProvided', provision)] }],
      events: [domainEvent('InformationProvided', provision)],
    });
  });

  it('given a registered requester and provider, when the provider refuses, then the refusal is recorded with no provision time', () => {
    const refused = { ...provision, outcome: 'REFUSED' as const, providedAt: null, occurredAt: REQUESTED };
    expect(decide(refused)).toMatchObject({ events: [{ type: 'InformationProvided', data: { outcome: 'REFUSED', providedAt: null } }] });
  });

  it('given a registered requester and provider, when a provision is hidden from the person, then its non-disclosure flag is recorded', () => {
    expect(decide({ ...provision, nonDisclosure: true })).toMatchObject({ events: [{ data: { nonDisclosure: true } }] });
  });

  it('given a registered requester and provider, when information is provided the instant it was requested, then it is recorded', () => {
    expect(decide({ ...provision, providedAt: REQUESTED, occurredAt: REQUESTED })).toMatchObject({ events: [{ data: { providedAt: REQUESTED } }] });
  });

  it('given an unregistered requester, when it obtains information, then the requester is not found', () => {
    expect(decide(provision, undefined, given(Organization, 'city'))).toEqual({ refused: { code: 'NOT_FOUND', field: 'payload.requesterId', reason: 'no organization "city" is registered' } });
  });

  it('given an unregistered provider, when it provides information, then the provider is not found', () => {
    expect(decide(provision, undefined, undefined, given(Organization, 'pension'))).toEqual({ refused: { code: 'NOT_FOUND', field: 'payload.providerId', reason: 'no organization "pension" is registered' } });
  });

  it('given a provision recorded, when the same provision id is recorded again, then it is refused as an invariant of the provision', () => {
    expect(decide(provision, given(Provision, 'p-1', domainEvent('InformationProvided', provision)))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.provisionId', reason: 'provision "p-1" is already recorded' },
    });
  });

  it('given a provision provided, when it has no provision time, then the missing time is refused', () => {
    expect(decide({ ...provision, providedAt: null })).toEqual({ refused: { code: 'INVALID_INPUT', field: 'payload.providedAt', reason: 'a provided provision needs the time it was provided' } });
  });

  it('given a provision with no data, when it has a provision time, then the time is refused', () => {
    expect(decide({ ...provision, outcome: 'NO_DATA' })).toEqual({ refused: { code: 'INVALID_INPUT', field: 'payload.providedAt', reason: 'a provision with outcome NO_DATA provided nothing' } });
  });

  it('given a provision provided, when its provision time is before the request, then the time is refused', () => {
    expect(decide({ ...provision, providedAt: '2024-03-31T23:59:59.999Z' })).toEqual({ refused: { code: 'INVALID_INPUT', field: 'payload.providedAt', reason: 'is before the request' } });
  });
});
