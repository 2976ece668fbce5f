import { z } from 'zod';
import { fingerprint, ACCESS_CHANNELS, ACCESS_OUTCOMES, entityId, instant, items, staffCode, text } from '../vocabulary.js';
import { defineEvent } from './domain-event.js';

/** 閲覧・利用 — an organization's staff member used a subject's information in a dataset. */
export const InformationAccessed = defineEvent(
  'InformationAccessed',
  1,
  z.strictObject({
    accessId: entityId,
    organizationId: entityId,
    staffCode,
    subjectId: z.uuid(),
    /** The identifier the subject was named by (its fingerprint), so later use of a retired one shows. */
    viaIdentifier: fingerprint,
    datasetId: entityId,
    items,
    /** Why (利用目的); null when none was given, which is a compliance finding, not an input error. */
    purpose: text().nullable(),
    channel: z.enum(ACCESS_CHANNELS),
    outcome: z.enum(ACCESS_OUTCOMES),
    occurredAt: instant,
  }),
);
