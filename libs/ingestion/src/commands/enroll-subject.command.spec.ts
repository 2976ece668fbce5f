import { domainEvent, type EventData, type IdentifierIssued } from '#vocabulary';
import { Identifier } from '../domain/aggregates/identifier.aggregate.js';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { Subject } from '../domain/aggregates/subject.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, enrolledSubject, fingerprintOf, identifierIssued, issuedIdentifier, OTHER_SUBJECT, registeredOrganization, SUBJECT } from '../testing/streams.js';
import { enrollSubject } from './enroll-subject.command.js';

const MY_NUMBER = fingerprintOf('a');
const INTERNAL_ID = fingerprintOf('b');
const issue = (fingerprint: string, over: Partial<EventData<typeof IdentifierIssued>> = {}) => identifierIssued(fingerprint, { issuedBy: 'city', ...over }).data;
const myNumber = issue(MY_NUMBER, { kind: 'MY_NUMBER' });
const internalId = issue(INTERNAL_ID, { kind: 'INTERNAL_ID', scope: 'city' });
const fresh = (data: EventData<typeof IdentifierIssued>) => ({ loaded: given(Identifier, data.fingerprint), data });
const enroll = (identifiers = [fresh(myNumber), fresh(internalId)], subject = given(Subject, SUBJECT), enroller = registeredOrganization('city')) =>
  when(() => enrollSubject(subject, enroller, identifiers, AT));

describe('EnrollSubject (本人の登録)', () => {
  it("given identifiers never issued, when a municipality enrolls a subject with them, then the subject's stream and each identifier's begin together", () => {
    const enrolled = domainEvent('SubjectEnrolled', { subjectId: SUBJECT, enrolledBy: 'city', occurredAt: AT });
    expect(enroll()).toEqual({
      writes: [
        { streamId: `subject-${SUBJECT}`, expected: 'no_stream', events: [enrolled] },
        { streamId: `identifier-${MY_NUMBER}`, expected: 'no_stream', events: [domainEvent('IdentifierIssued', myNumber)] },
        { streamId: `identifier-${INTERNAL_ID}`, expected: 'no_stream', events: [domainEvent('IdentifierIssued', internalId)] },
      ],
      events: [enrolled, domainEvent('IdentifierIssued', myNumber), domainEvent('IdentifierIssued', internalId)],
    });
  });

  it('given an unregistered organization, when it enrolls a subject, then the enroller is not found', () => {
    expect(enroll(undefined, undefined, given(Organization, 'city'))).toEqual({ refused: { code: 'NOT_FOUND', field: 'payload.enrolledBy', reason: 'no organization "city" is registered' } });
  });

  it('given a subject enrolled (the id is derived from the command), when it is enrolled again, then it is refused as an invariant of the command', () => {
    expect(enroll(undefined, enrolledSubject())).toEqual({ refused: { code: 'INVARIANT', field: 'commandId', reason: 'this subject is already enrolled' } });
  });

  it("given an identifier already issued to someone, when a subject is enrolled with it, then that identifier is refused by its place in the list", () => {
    const taken = { loaded: issuedIdentifier(INTERNAL_ID, { subjectId: OTHER_SUBJECT, kind: 'INTERNAL_ID', scope: 'city' }), data: internalId };
    expect(enroll([fresh(myNumber), taken])).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.identifiers[1]', reason: 'this identifier is already issued (an identifier is issued once)' },
    });
  });

  it("given an identifier scoped to another organization, when a subject is enrolled with it, then that identifier's scope is forbidden", () => {
    expect(enroll([fresh(issue(INTERNAL_ID, { kind: 'MEMBER_NUMBER', scope: 'shop' }))])).toMatchObject({
      refused: { code: 'FORBIDDEN', field: 'payload.identifiers[0].scope' },
    });
  });

  it('given one identifier, when a subject is enrolled with it twice over, then the second is refused (the identifier would be issued twice)', () => {
    expect(enroll([fresh(myNumber), fresh(internalId), fresh(myNumber)])).toEqual({
      refused: { code: 'INVALID_INPUT', field: 'payload.identifiers[2]', reason: 'names the same identifier as payload.identifiers[0]' },
    });
  });
});
