import { domainEvent, type EventData, type IdentifierSucceeded } from '#vocabulary';
import { Identifier } from '../domain/aggregates/identifier.aggregate.js';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, fingerprintOf, identifierIssued, issuedIdentifier, OTHER_SUBJECT, registeredOrganization, SUBJECT } from '../testing/streams.js';
import { succeedIdentifier } from './link-identifier-successor.command.js';

const OLD = fingerprintOf('a');
const NEW = fingerprintOf('b');
const succession: EventData<typeof IdentifierSucceeded> = {
  subjectId: SUBJECT, kind: 'JPKI_AUTH_SERIAL', fingerprint: OLD, successorFingerprint: NEW, consentReference: 'consent-jpki-1', linkedBy: 'city', occurredAt: '2024-05-01T00:00:00.000Z',
};
const serial = (fingerprint: string, over: Parameters<typeof issuedIdentifier>[1] = {}) => issuedIdentifier(fingerprint, { kind: 'JPKI_AUTH_SERIAL', ...over });
const link = (old = serial(OLD), next = serial(NEW), linker = registeredOrganization('city'), data = succession) => when(() => succeedIdentifier(old, next, linker, data));

describe('LinkIdentifierSuccessor (後継の紐付け)', () => {
  it("given an old serial and its successor issued to one subject, when they are linked, then the succession is written to the old serial's stream", () => {
    expect(link()).toEqual({
      writes: [{ streamId: `identifier-${OLD}`, expected: 0n, events: [domainEvent('IdentifierSucceeded', succession)] }],
      events: [domainEvent('IdentifierSucceeded', succession)],
    });
  });

  it('given an old serial and its successor, when they are linked without the subject\'s consent, then it is recorded (a finding, not a refusal)', () => {
    expect(link(undefined, undefined, undefined, { ...succession, consentReference: null })).toMatchObject({ events: [{ data: { consentReference: null } }] });
  });

  it('given an old serial retired when its certificate expired, when it is linked to its successor, then it is linked after the retirement', () => {
    const retired = domainEvent('IdentifierRetired', { subjectId: SUBJECT, kind: 'JPKI_AUTH_SERIAL', fingerprint: OLD, reason: 'EXPIRED', retiredBy: 'city', occurredAt: AT });
    expect(link(given(Identifier, OLD, identifierIssued(OLD, { kind: 'JPKI_AUTH_SERIAL' }), retired))).toMatchObject({ writes: [{ streamId: `identifier-${OLD}`, expected: 1n }] });
  });

  it('given an old serial never issued, when it is linked, then it is not found', () => {
    expect(link(given(Identifier, OLD))).toEqual({ refused: { code: 'NOT_FOUND', field: 'payload.identifier', reason: 'no subject is enrolled with this identifier' } });
  });

  it('given a successor never issued, when it is linked, then the successor is not found', () => {
    expect(link(undefined, given(Identifier, NEW))).toEqual({ refused: { code: 'NOT_FOUND', field: 'payload.successor', reason: 'no subject is enrolled with this identifier' } });
  });

  it.each([
    ['issued to another subject', serial(NEW, { subjectId: OTHER_SUBJECT })],
    ['of another kind', issuedIdentifier(NEW, { kind: 'JPKI_SIGN_SERIAL' })],
    ['of another kind, issued to another subject', issuedIdentifier(NEW, { kind: 'MY_NUMBER', subjectId: OTHER_SUBJECT })],
  ])('given a successor %s, when it is linked, then it is refused with one reason that does not say which', (_, successor) => {
    expect(link(undefined, successor)).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.successor', reason: 'the successor must be an identifier of the same kind, issued to the same subject' },
    });
  });

  it('given an old serial already succeeded, when it is linked to another successor, then it is refused: it already has one', () => {
    const succeeded = given(Identifier, OLD, identifierIssued(OLD, { kind: 'JPKI_AUTH_SERIAL' }), domainEvent('IdentifierSucceeded', succession));
    const third = fingerprintOf('c');
    expect(link(succeeded, serial(third), undefined, { ...succession, successorFingerprint: third })).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.identifier', reason: 'this identifier already has a successor' },
    });
  });

  it('given one serial, when it is linked to itself, then it is refused', () => {
    expect(link(serial(OLD), serial(OLD), undefined, { ...succession, successorFingerprint: OLD })).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.successor', reason: 'an identifier cannot succeed itself' },
    });
  });

  it('given an unregistered organization, when it links a successor, then the organization is not found', () => {
    expect(link(undefined, undefined, given(Organization, 'city'))).toMatchObject({ refused: { code: 'NOT_FOUND', field: 'payload.linkedBy' } });
  });
});
