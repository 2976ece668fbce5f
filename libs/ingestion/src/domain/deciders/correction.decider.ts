import { z } from 'zod';
import { invalid } from '../domain.errors.js';
import { CORRECTIONS_STREAM, type CorrectionAction } from '../events/correction.events.js';
import { domainEvent, parseDomainEvent, UnknownEventError } from '../events/event-catalog.js';
import { entityId } from '../vocabulary.js';
import { write, type Loaded, type StreamWrite } from './decision.js';

/** The corrected event as stored: read raw, since it may be an event that no schema accepts any more. */
export interface OriginalEvent {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  globalPosition: bigint;
  transactionId: bigint;
  data: Record<string, unknown>;
}

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
      const issue = error.issues[0]!;
      throw invalid(['payload.correctedData', ...issue.path.map(String)].join('.'), `${issue.message} (the corrected event must be valid as ${original.type} version ${original.schemaVersion})`);
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

/** The organization that acted in an event, when its data names one. */
function organizationNamed(data: Record<string, unknown>): string | null {
  for (const field of ['organizationId', 'requesterId', 'holderId', 'enrolledBy', 'issuedBy']) {
    if (entityId.safeParse(data[field]).success) return data[field] as string;
  }
  return null;
}
