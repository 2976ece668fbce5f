import { z } from 'zod';
import { fingerprint, PROVISION_OUTCOMES, entityId, instant, items, text } from '../vocabulary.js';
import { defineEvent } from './domain-event.js';

/**
 * 情報提供 — one provision of personal information between organizations, with what the My Number Act
 * art. 23 record holds: requester (情報照会者), provider (情報提供者), times, items, procedure (事務), legal basis.
 */
export const InformationProvided = defineEvent(
  'InformationProvided',
  1,
  z.strictObject({
    provisionId: entityId,
    requesterId: entityId,
    providerId: entityId,
    subjectId: z.uuid(),
    /** The identifier the subject was named by (its fingerprint), so later use of a retired one shows. */
    viaIdentifier: fingerprint,
    items,
    procedure: text(),
    legalBasis: text(),
    requestedAt: instant,
    providedAt: instant.nullable(),
    outcome: z.enum(PROVISION_OUTCOMES),
    /** 不開示: hidden from the subject until released. */
    nonDisclosure: z.boolean(),
    occurredAt: instant,
  }),
);

/** The non-disclosure flag of a provision is lifted: the subject may now see it. */
export const NonDisclosureReleased = defineEvent(
  'NonDisclosureReleased',
  1,
  z.strictObject({ provisionId: entityId, subjectId: z.uuid(), releasedBy: entityId, occurredAt: instant }),
);
