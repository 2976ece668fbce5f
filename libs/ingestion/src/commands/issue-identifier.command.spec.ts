import { domainEvent } from '#vocabulary';
import { Identifier } from '../domain/aggregates/identifier.aggregate.js';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, fingerprintOf, identifierIssued, issuedIdentifier, OTHER_SUBJECT, registeredOrganization, SUBJECT } from '../testing/streams.js';
import { issueIdentifier } from './issue-identifier.command.js';

const SERIAL = fingerprintOf('a');
const serial = identifierIssued(SERIAL).data;
const city = registeredOrganization('city');
const issue = (data = serial, issuer = city, identifier = given(Identifier, data.fingerprint)) => when(() => issueIdentifier(identifier, issuer, data, 'payload.identifier'));

describe('IssueIdentifier (付番)', () => {
  it("given an identifier never issued, when a registered organization issues it, then its stream begins with the issue", () => {
    expect(issue()).toEqual({
      writes: [{ streamId: `identifier-${SERIAL}`, expected: 'no_stream', events: [domainEvent('IdentifierIssued', serial)] }],
      events: [domainEvent('IdentifierIssued', serial)],
    });
  });

  it('given an organization, when it issues an identifier of its own numbering, then it is issued', () => {
    expect(issue({ ...serial, kind: 'INTERNAL_ID', scope: 'city' })).toMatchObject({ events: [{ type: 'IdentifierIssued', data: { kind: 'INTERNAL_ID', scope: 'city' } }] });
  });

  it("given an organization, when it issues an identifier scoped to another organization, then that scope is forbidden to it", () => {
    expect(issue({ ...serial, kind: 'MEMBER_NUMBER', scope: 'shop' })).toEqual({
      refused: { code: 'FORBIDDEN', field: 'payload.identifier.scope', reason: '"city" issues only identifiers of its own numbering, not one scoped to "shop"' },
    });
  });

  it("given a ministry (the Digital Agency's network), when it issues an agency code scoped to an agency, then it is issued", () => {
    const agencyCode = { ...serial, kind: 'AGENCY_CODE' as const, scope: 'pension', issuedBy: 'digital' };
    expect(issue(agencyCode, registeredOrganization('digital', 'MINISTRY'))).toMatchObject({ events: [{ data: { kind: 'AGENCY_CODE', scope: 'pension', issuedBy: 'digital' } }] });
  });

  it('given a municipality, when it issues an agency code scoped to another agency, then it is forbidden', () => {
    expect(issue({ ...serial, kind: 'AGENCY_CODE', scope: 'pension' })).toMatchObject({ refused: { code: 'FORBIDDEN', field: 'payload.identifier.scope' } });
  });

  it("given a ministry, when it issues another kind scoped to another organization, then only agency codes are its network's to issue", () => {
    const memberNumber = { ...serial, kind: 'MEMBER_NUMBER' as const, scope: 'shop', issuedBy: 'digital' };
    expect(issue(memberNumber, registeredOrganization('digital', 'MINISTRY'))).toMatchObject({ refused: { code: 'FORBIDDEN', field: 'payload.identifier.scope' } });
  });

  it('given an unregistered organization, when it issues an identifier, then the organization is not found', () => {
    expect(issue(serial, given(Organization, 'city'))).toEqual({ refused: { code: 'NOT_FOUND', field: 'payload.issuedBy', reason: 'no organization "city" is registered' } });
  });

  it.each([
    ['to them again', SUBJECT],
    ['to another', OTHER_SUBJECT],
  ])('given an identifier issued to a subject, when it is issued %s, then the refusal is the same, and does not say whose it is', (_, subjectId) => {
    expect(issue({ ...serial, subjectId }, city, issuedIdentifier(SERIAL, { subjectId: SUBJECT }))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.identifier', reason: 'this identifier is already issued (an identifier is issued once)' },
    });
  });

  it('given a retired identifier, when it is issued again, even to its subject, then it is never issued again', () => {
    const retired = domainEvent('IdentifierRetired', { subjectId: SUBJECT, kind: 'JPKI_SIGN_SERIAL', fingerprint: SERIAL, reason: 'EXPIRED', retiredBy: 'city', occurredAt: AT });
    expect(issue(serial, city, given(Identifier, SERIAL, identifierIssued(SERIAL), retired))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.identifier', reason: 'this identifier was retired and is never issued again' },
    });
  });
});
