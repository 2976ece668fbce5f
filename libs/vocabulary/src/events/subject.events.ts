import { z } from 'zod';
import { entityId, instant, text } from '../vocabulary.js';
import { defineEvent } from './domain-event.js';

/** 本人 — a person becomes known to the platform, by an opaque subject id only. */
export const SubjectEnrolled = defineEvent(
  'SubjectEnrolled',
  1,
  z.strictObject({ subjectId: z.uuid(), enrolledBy: entityId, occurredAt: instant }),
);

const consent = {
  subjectId: z.uuid(),
  organizationId: entityId,
  scope: text(200),
  purpose: text(),
  occurredAt: instant,
};

/** 同意 — the subject agrees that an organization may use their information for a scope and purpose. */
export const ConsentGranted = defineEvent('ConsentGranted', 1, z.strictObject({ ...consent, consentId: entityId }));

/** 同意の撤回 */
export const ConsentWithdrawn = defineEvent('ConsentWithdrawn', 1, z.strictObject({ ...consent, consentId: entityId }));

/** The most subjects one `AuditorQueried` event names; a query touching more is recorded in several. */
export const AUDITED_SUBJECTS_PER_RECORD = 500;

/**
 * Who audits the auditors: an auditor's query that touched subjects. It shows in each subject's access
 * history, so a citizen sees that their records were looked at, when, by whom and through which query.
 */
export const AuditorQueried = defineEvent(
  'AuditorQueried',
  1,
  z.strictObject({
    auditorId: text(128),
    organizationId: entityId,
    operation: text(200),
    subjectIds: z.array(z.uuid()).min(1).max(AUDITED_SUBJECTS_PER_RECORD),
    occurredAt: instant,
  }),
);
