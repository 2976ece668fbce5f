import { domainEvent } from '#vocabulary';
import { Organization, PermittedProvision } from '../domain/aggregates/organization.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, registeredOrganization } from '../testing/streams.js';
import { registerPermittedProvision } from './register-permitted-provision.command.js';

const row = {
  permittedProvisionId: 'row-2-1', requesterId: 'city', providerId: 'pension', procedure: '児童手当の支給', items: ['PENSION_RECORD'],
  legalBasis: '番号法別表第二 第1項', occurredAt: AT,
};
const decide = (row_ = given(PermittedProvision, 'row-2-1'), requester = registeredOrganization('city'), provider = registeredOrganization('pension', 'PENSION')) =>
  when(() => registerPermittedProvision(row_, requester, provider, row));

describe('RegisterPermittedProvision (別表第二の行)', () => {
  it('given a requester and a provider both registered, when a row names them, then the row is registered from no stream', () => {
    expect(decide()).toEqual({
      writes: [{ streamId: 'permitted-provision-row-2-1', expected: 'no_stream', events: [domainEvent('PermittedProvisionRegistered', row)] }],
      events: [domainEvent('PermittedProvisionRegistered', row)],
    });
  });

  it('given an unregistered requester, when a row names it, then the requester is not found', () => {
    expect(decide(undefined, given(Organization, 'city'))).toEqual({ refused: { code: 'NOT_FOUND', field: 'payload.requesterId', reason: 'no organization "city" is registered' } });
  });

  it('given an unregistered provider, when a row names it, then the provider is not found', () => {
    expect(decide(undefined, undefined, given(Organization, 'pension'))).toEqual({ refused: { code: 'NOT_FOUND', field: 'payload.providerId', reason: 'no organization "pension" is registered' } });
  });

  it('given neither party registered, when a row names them, then the requester is the one named first', () => {
    expect(decide(undefined, given(Organization, 'city'), given(Organization, 'pension'))).toMatchObject({ refused: { code: 'NOT_FOUND', field: 'payload.requesterId' } });
  });

  it('given a row registered already, when it is registered again, then it is refused as an invariant of the row', () => {
    expect(decide(given(PermittedProvision, 'row-2-1', domainEvent('PermittedProvisionRegistered', row)))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.permittedProvisionId', reason: 'permitted provision "row-2-1" is already registered' },
    });
  });
});
