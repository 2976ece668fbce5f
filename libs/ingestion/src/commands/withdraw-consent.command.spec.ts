import { domainEvent } from '#vocabulary';
import { Subject } from '../domain/aggregates/subject.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, enrolledSubject, SUBJECT } from '../testing/streams.js';
import { withdrawConsent } from './withdraw-consent.command.js';

const LATER = '2024-05-01T00:00:00.000Z';
const consent = { consentId: 'c-1', subjectId: SUBJECT, organizationId: 'shop', scope: '購買履歴', purpose: 'おすすめの表示', occurredAt: AT };
const granted = domainEvent('ConsentGranted', consent);
const withdrawn = domainEvent('ConsentWithdrawn', { ...consent, occurredAt: LATER });

describe('WithdrawConsent (同意の撤回)', () => {
  it('given a consent granted, when it is withdrawn, then the withdrawal names the organization, scope and purpose it was granted for', () => {
    expect(when(() => withdrawConsent(enrolledSubject(granted), 'c-1', LATER))).toEqual({
      writes: [{ streamId: `subject-${SUBJECT}`, expected: 1n, events: [withdrawn] }],
      events: [withdrawn],
    });
  });

  it('given a subject who never granted it, when a consent is withdrawn, then the consent is not found', () => {
    expect(when(() => withdrawConsent(enrolledSubject(granted), 'c-2', LATER))).toEqual({
      refused: { code: 'NOT_FOUND', field: 'payload.consentId', reason: 'this subject never granted consent "c-2"' },
    });
  });

  it('given no enrolled subject, when a consent is withdrawn, then the consent is not found', () => {
    expect(when(() => withdrawConsent(given(Subject, SUBJECT), 'c-1', LATER))).toMatchObject({ refused: { code: 'NOT_FOUND', field: 'payload.consentId' } });
  });

  it('given a consent withdrawn, when it is withdrawn again, then it is refused as an invariant of the consent', () => {
    expect(when(() => withdrawConsent(enrolledSubject(granted, withdrawn), 'c-1', LATER))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.consentId', reason: 'consent "c-1" is already withdrawn' },
    });
  });
});
