import { z } from 'zod';
import { entityId, instant, text } from '../vocabulary.js';
import { defineEvent } from './domain-event.js';

/** What a correction does to the event it refers to. */
export const CORRECTION_ACTIONS = ['ANNUL', 'SUPERSEDE'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

/** The one stream every correction is appended to, so that projectors read the new ones in one step. */
export const CORRECTIONS_STREAM = 'corrections';

/**
 * 訂正 — an operator's correction of a stored event that cannot or must not be projected as written. The log
 * stays as it was: the original is kept, and projections honour the correction when they reach it —
 * skipping it (ANNUL) or reading `correctedData` in its place (SUPERSEDE, valid under the original's schema).
 */
export const EventCorrected = defineEvent(
  'EventCorrected',
  1,
  z.strictObject({
    /** The corrected event, and where it is in the log. */
    eventId: z.uuid(),
    eventType: z.string().min(1).max(200),
    schemaVersion: z.number().int().min(1),
    streamId: z.string().min(1),
    globalPosition: z.string().regex(/^\d+$/),
    transactionId: z.string().regex(/^\d+$/),
    action: z.enum(CORRECTION_ACTIONS),
    /** The data read in the original's place (SUPERSEDE); null for ANNUL. */
    correctedData: z.record(z.string(), z.unknown()).nullable(),
    reason: text(),
    /** The operator who made it (`operator:<id>`). */
    correctedBy: z.string().min(1).max(200),
    /** The subjects the corrected event concerned, so that their history shows the correction. */
    subjectIds: z.array(z.uuid()),
    /** The organization the corrected event was about (who acted), when it names one. */
    organizationId: entityId.nullable(),
    /** Whether the corrected event is hidden from its subjects (不開示): the correction is hidden with it. */
    nonDisclosure: z.boolean(),
    occurredAt: instant,
  }),
);
