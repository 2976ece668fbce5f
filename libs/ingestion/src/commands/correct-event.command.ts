import { z } from 'zod';
import { CORRECTION_ACTIONS, CORRECTIONS_STREAM, domainEvent, entityId, parseDomainEvent, UnknownEventError, type CorrectionAction } from '#vocabulary';
import { defineCommand } from '../application/command.js';
import { schemaError } from '../application/command-errors.js';
import { Corrections } from '../domain/aggregates/correction.aggregate.js';
import { write, type Loaded, type OriginalEvent, type StreamWrite } from '../domain/decision.js';
import { invalid, notFound } from '../domain/domain.errors.js';
import { edgeInstant as instant, edgeText as text } from '../domain/edge.grammar.js';

export interface CorrectionInput {
  action: CorrectionAction;
  /** For SUPERSEDE: the fields to replace; the others are kept from the original. */
  correctedData: Record<string, unknown> | null;
  reason: string;
  correctedBy: string;
  occurredAt: string;
}

/**
 * 訂正: an event is annulled, or superseded by data its own schema accepts. A correction is never itself
 * corrected — a later correction of the original replaces an earlier one.
 */
export function correctEvent(corrections: Loaded<{ count: number }>, original: OriginalEvent, input: CorrectionInput): StreamWrite {
  if (original.type === 'EventCorrected') throw invalid('payload.eventId', 'is a correction: correct the original event again instead');
  if (corrections.streamId !== CORRECTIONS_STREAM) throw new Error(`corrections are kept in the stream "${CORRECTIONS_STREAM}"`);
  let correctedData: Record<string, unknown> | null = null;
  if (input.action === 'SUPERSEDE') {
    if (!input.correctedData) throw invalid('payload.correctedData', 'SUPERSEDE needs the corrected fields');
    correctedData = validCorrectedData(original, { ...original.data, ...input.correctedData });
  } else if (input.correctedData) {
    throw invalid('payload.correctedData', 'ANNUL takes no corrected data');
  }
  const read = [original.data, ...(correctedData ? [correctedData] : [])];
  return write(
    corrections,
    domainEvent('EventCorrected', {
      eventId: original.id,
      eventType: original.type,
      schemaVersion: original.schemaVersion,
      streamId: original.streamId,
      globalPosition: original.globalPosition.toString(),
      transactionId: original.transactionId.toString(),
      action: input.action,
      correctedData,
      reason: input.reason,
      correctedBy: input.correctedBy,
      subjectIds: [...new Set(read.flatMap(subjectsNamed))],
      organizationId: read.map(organizationNamed).findLast((id) => id !== null) ?? null,
      nonDisclosure: read.some((data) => data.nonDisclosure === true),
      occurredAt: input.occurredAt,
    }),
  );
}

function validCorrectedData(original: OriginalEvent, data: Record<string, unknown>): Record<string, unknown> {
  try {
    return parseDomainEvent(original.type, original.schemaVersion, data).data as Record<string, unknown>;
  } catch (error) {
    if (error instanceof UnknownEventError) throw invalid('payload.eventId', `${error.message}: only events of a known schema can be superseded (annul it instead)`);
    if (error instanceof z.ZodError) {
      // Named as a payload's own schema errors are (`items[1]`, unknown fields), under the corrected data.
      const refused = schemaError(error, 'payload.correctedData');
      throw invalid(refused.field, `${refused.reason} (the corrected event must be valid as ${original.type} version ${original.schemaVersion})`);
    }
    throw error;
  }
}

const uuid = z.uuid();

/** The subjects an event's data names, whatever its type: `subjectId`, `subjects` or `subjectIds`. */
function subjectsNamed(data: Record<string, unknown>): string[] {
  const candidates = [data.subjectId, ...(Array.isArray(data.subjects) ? data.subjects : []), ...(Array.isArray(data.subjectIds) ? data.subjectIds : [])];
  return candidates.filter((c): c is string => uuid.safeParse(c).success).map((c) => c.toLowerCase());
}

/**
 * The organization that acted in an event, when its data names one: the access history shows a subject a
 * correction only under an organization, so every field an event names its actor by is read.
 */
function organizationNamed(data: Record<string, unknown>): string | null {
  for (const field of ['organizationId', 'requesterId', 'holderId', 'enrolledBy', 'issuedBy', 'retiredBy', 'linkedBy', 'releasedBy']) {
    if (entityId.safeParse(data[field]).success) return data[field] as string;
  }
  return null;
}

/**
 * 訂正 — CorrectEvent (operators only): records a correction of a stored event that cannot, or must not, be
 * projected as written. The event is read raw, as stored, since no schema may accept it any more.
 */
export const CorrectEvent = defineCommand({
  type: 'CorrectEvent',
  emits: ['EventCorrected'],
  payload: z.strictObject({
    /** The event to correct, and its stream (both as /health names a parked projection's event). */
    eventId: z.uuid(),
    streamId: z.string().min(1).max(300),
    action: z.enum(CORRECTION_ACTIONS),
    correctedData: z.record(z.string(), z.unknown()).nullish().transform((v) => v ?? null),
    reason: text(),
    occurredAt: instant,
  }),
  handle: async (p, ctx) => {
    // No organization may act for this: only operators pass.
    ctx.authorize('payload.eventId');
    const original = await ctx.storedEvent(p.streamId, p.eventId);
    if (!original) throw notFound('payload.eventId', `no event ${p.eventId} in stream "${p.streamId}"`);
    return [correctEvent(await ctx.load(Corrections, p.eventId), original, { ...p, correctedBy: ctx.sender })];
  },
});
