import { domainEvent } from '#vocabulary';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { Subject } from '../domain/aggregates/subject.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, enrolledSubject, registeredOrganization, SUBJECT } from '../testing/streams.js';
import { grantConsent } from './grant-consent.command.js';

const consent = { consentId: 'c-1', subjectId: SUBJECT, organizationId: 'shop', scope: '購買履歴', purpose: 'おすすめの表示', occurredAt: AT };
const shop = registeredOrganization('shop', 'PRIVATE_BUSINESS');
const granted = domainEvent('ConsentGranted', consent);
const withdrawn = domainEvent('ConsentWithdrawn', { ...consent, occurredAt: '2024-05-01T00:00:00.000Z' });

describe('GrantConsent (同意)', () => {
  it("given an enrolled subject, when they consent to an organization, then the consent is written to the subject's stream at its revision", () => {
    expect(when(() => grantConsent(enrolledSubject(), shop, consent))).toEqual({
      writes: [{ streamId: `subject-${SUBJECT}`, expected: 0n, events: [granted] }],
      events: [granted],
    });
  });

  it('given an unregistered organization, when consent is given to it, then the organization is not found', () => {
    expect(when(() => grantConsent(enrolledSubject(), given(Organization, 'shop'), consent))).toEqual({
      refused: { code: 'NOT_FOUND', field: 'payload.organizationId', reason: 'no organization "shop" is registered' },
    });
  });

  it('given no enrolled subject, when consent is given, then the subject is not found', () => {
    expect(when(() => grantConsent(given(Subject, SUBJECT), shop, consent))).toEqual({ refused: { code: 'NOT_FOUND', field: 'payload.subject', reason: 'the subject is not enrolled' } });
  });

  it('given a consent granted, when it is granted again, then it is refused as an invariant of the consent', () => {
    expect(when(() => grantConsent(enrolledSubject(granted), shop, consent))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.consentId', reason: 'consent "c-1" is already granted' },
    });
  });

  it('given a consent granted and withdrawn, when its id is granted again, then it is refused: a consent id names one grant and its withdrawal', () => {
    expect(when(() => grantConsent(enrolledSubject(granted, withdrawn), shop, { ...consent, occurredAt: '2024-06-01T00:00:00.000Z' }))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.consentId', reason: 'consent "c-1" was withdrawn: a consent id names one grant, so a new grant takes a new id' },
    });
  });

  it("given another organization's consent withdrawn, when the organization takes up its id, then it is refused all the same", () => {
    const other = { ...consent, organizationId: 'bank', occurredAt: '2024-06-01T00:00:00.000Z' };
    expect(when(() => grantConsent(enrolledSubject(granted, withdrawn), registeredOrganization('bank', 'PRIVATE_BUSINESS'), other))).toMatchObject({
      refused: { code: 'INVARIANT', field: 'payload.consentId' },
    });
  });

});
