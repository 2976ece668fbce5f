import { domainEvent, type EventData, type IdentifierRetired } from '#vocabulary';
import { Identifier } from '../domain/aggregates/identifier.aggregate.js';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, fingerprintOf, identifierIssued, issuedIdentifier, registeredOrganization, SUBJECT } from '../testing/streams.js';
import { retireIdentifier } from './retire-identifier.command.js';

const ID = fingerprintOf('a');
const retirement = (kind: EventData<typeof IdentifierRetired>['kind'], retiredBy: string): EventData<typeof IdentifierRetired> =>
  ({ subjectId: SUBJECT, kind, fingerprint: ID, reason: 'LEAKED', retiredBy, occurredAt: '2024-05-01T00:00:00.000Z' });

describe('RetireIdentifier (失効)', () => {
  it('given an identifier it issued, when an organization retires it, then the retirement is written after the issue', () => {
    const data = retirement('JPKI_SIGN_SERIAL', 'city');
    expect(when(() => retireIdentifier(issuedIdentifier(ID), registeredOrganization('city'), data))).toEqual({
      writes: [{ streamId: `identifier-${ID}`, expected: 0n, events: [domainEvent('IdentifierRetired', data)] }],
      events: [domainEvent('IdentifierRetired', data)],
    });
  });

  it("given an agency code the Digital Agency's network issued for an agency, when that agency retires it, then it is retired by the scope's holder", () => {
    const agencyCode = issuedIdentifier(ID, { kind: 'AGENCY_CODE', scope: 'pension', issuedBy: 'digital' });
    expect(when(() => retireIdentifier(agencyCode, registeredOrganization('pension', 'PENSION'), retirement('AGENCY_CODE', 'pension')))).toMatchObject({
      events: [{ type: 'IdentifierRetired', data: { retiredBy: 'pension' } }],
    });
  });

  it('given a My Number another municipality issued, when a municipality retires it (the resident moved), then it is retired', () => {
    const myNumber = issuedIdentifier(ID, { kind: 'MY_NUMBER', issuedBy: 'city' });
    expect(when(() => retireIdentifier(myNumber, registeredOrganization('town'), retirement('MY_NUMBER', 'town')))).toMatchObject({
      events: [{ type: 'IdentifierRetired', data: { retiredBy: 'town' } }],
    });
  });

  it('given a My Number another issued, when a business that is no municipality retires it, then it is forbidden', () => {
    const myNumber = issuedIdentifier(ID, { kind: 'MY_NUMBER', issuedBy: 'city' });
    expect(when(() => retireIdentifier(myNumber, registeredOrganization('shop', 'PRIVATE_BUSINESS'), retirement('MY_NUMBER', 'shop')))).toEqual({
      refused: { code: 'FORBIDDEN', field: 'payload.retiredBy', reason: '"shop" neither issued this MY_NUMBER nor holds its scope, and is no municipality, so it cannot retire it' },
    });
  });

  it('given a pension number the pension service issued, when a municipality retires it, then only My Numbers and resident codes are a municipality\'s to retire', () => {
    const pensionNumber = issuedIdentifier(ID, { kind: 'PENSION_NUMBER', issuedBy: 'pension' });
    expect(when(() => retireIdentifier(pensionNumber, registeredOrganization('city'), retirement('PENSION_NUMBER', 'city')))).toEqual({
      refused: { code: 'FORBIDDEN', field: 'payload.retiredBy', reason: '"city" neither issued this PENSION_NUMBER nor holds its scope, so it cannot retire it' },
    });
  });

  it('given an identifier never issued, when it is retired, then it is not found', () => {
    expect(when(() => retireIdentifier(given(Identifier, ID), registeredOrganization('city'), retirement('JPKI_SIGN_SERIAL', 'city')))).toEqual({
      refused: { code: 'NOT_FOUND', field: 'payload.identifier', reason: 'no subject is enrolled with this identifier' },
    });
  });

  it('given an unregistered organization, when it retires an identifier, then the organization is not found', () => {
    expect(when(() => retireIdentifier(issuedIdentifier(ID), given(Organization, 'city'), retirement('JPKI_SIGN_SERIAL', 'city')))).toMatchObject({
      refused: { code: 'NOT_FOUND', field: 'payload.retiredBy' },
    });
  });

  const retiredOnce = () => given(Identifier, ID, identifierIssued(ID), domainEvent('IdentifierRetired', { ...retirement('JPKI_SIGN_SERIAL', 'city'), occurredAt: AT }));

  it('given a retired identifier, when its issuer retires it again, then it is refused as an invariant of the identifier', () => {
    expect(when(() => retireIdentifier(retiredOnce(), registeredOrganization('city'), retirement('JPKI_SIGN_SERIAL', 'city')))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.identifier', reason: 'this identifier is already retired' },
    });
  });

  it('given a retired identifier, when a stranger to it retires it, then it is forbidden before the stranger learns it is retired', () => {
    expect(when(() => retireIdentifier(retiredOnce(), registeredOrganization('shop', 'PRIVATE_BUSINESS'), retirement('JPKI_SIGN_SERIAL', 'shop')))).toMatchObject({
      refused: { code: 'FORBIDDEN', field: 'payload.retiredBy' },
    });
  });
});
