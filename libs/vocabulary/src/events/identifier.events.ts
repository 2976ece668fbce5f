import { z } from 'zod';
import { IDENTIFIER_KINDS, RETIREMENT_REASONS, entityId, fingerprint, instant } from '../vocabulary.js';
import { defineEvent } from './domain-event.js';

/** 番号の付番 — an identifier is tied to a subject. Only its keyed fingerprint is kept. */
export const IdentifierIssued = defineEvent(
  'IdentifierIssued',
  1,
  z.strictObject({
    subjectId: z.uuid(),
    kind: z.enum(IDENTIFIER_KINDS),
    fingerprint,
    /** The organization the identifier belongs to, for organization-scoped kinds. */
    scope: entityId.nullable(),
    issuedBy: entityId,
    /** When the identifier stops being valid by design (JPKI certificates: 5 years), if ever. */
    validUntil: instant.nullable(),
    occurredAt: instant,
  }),
);

/** 番号の失効 — rotated, leaked or expired; a retired identifier is never issued again. */
export const IdentifierRetired = defineEvent(
  'IdentifierRetired',
  1,
  z.strictObject({
    subjectId: z.uuid(),
    kind: z.enum(IDENTIFIER_KINDS),
    fingerprint,
    reason: z.enum(RETIREMENT_REASONS),
    retiredBy: entityId,
    occurredAt: instant,
  }),
);

/** 継承 — an old identifier is linked to its successor (old JPKI serial → new), which needs the subject's consent. */
export const IdentifierSucceeded = defineEvent(
  'IdentifierSucceeded',
  1,
  z.strictObject({
    subjectId: z.uuid(),
    kind: z.enum(IDENTIFIER_KINDS),
    fingerprint,
    successorFingerprint: fingerprint,
    /** The consent that allows the succession; null when none was given (a compliance finding). */
    consentReference: entityId.nullable(),
    linkedBy: entityId,
    occurredAt: instant,
  }),
);
