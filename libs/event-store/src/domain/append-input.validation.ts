import { InvalidAppendError } from './event-store.errors.js';
import type { ExpectedRevision } from './expected-revision.js';
import type { EventToAppend, JsonObject, StreamAppend } from './event-store.port.js';

/** Documented input limits (README, "Event store limits"). */
export const LIMITS = {
  streamIdMaxLength: 256,
  eventTypeMaxLength: 128,
  eventsPerAppend: 10_000,
  /** UTF-8 bytes of an event's data and metadata, serialized as JSON, together. */
  eventMaxBytes: 256 * 1024,
  jsonMaxDepth: 64,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID, as event ids and subject ids are (any version, either case). */
export const isUuid = (value: string): boolean => UUID.test(value);
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9]*(?:[.:-][A-Za-z0-9]+)*$/;
// Control characters make ids unreadable in logs and reports, and PostgreSQL text refuses NUL.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Streams whose id starts with `$` belong to the store itself (KurrentDB: `$$name` holds name's metadata). */
export const SYSTEM_STREAM_PREFIX = '$';

export function validateStreamId(streamId: unknown, field = 'streamId', allowSystem = false): string {
  if (typeof streamId !== 'string') throw new InvalidAppendError(field, 'must be a string');
  if (streamId.length === 0) throw new InvalidAppendError(field, 'must not be empty');
  if (streamId.length > LIMITS.streamIdMaxLength) {
    throw new InvalidAppendError(field, `must be at most ${LIMITS.streamIdMaxLength} characters, got ${streamId.length}`);
  }
  if (CONTROL.test(streamId)) throw new InvalidAppendError(field, 'must not contain control characters');
  if (streamId.trim() !== streamId) throw new InvalidAppendError(field, 'must not start or end with white space');
  if (!allowSystem && streamId.startsWith(SYSTEM_STREAM_PREFIX)) {
    throw new InvalidAppendError(field, `must not start with "${SYSTEM_STREAM_PREFIX}" (reserved for system streams)`);
  }
  return streamId;
}

/** Accepts the three named expectations or a non-negative integer revision (bigint, or a safe integer number). */
export function parseExpectedRevision(value: unknown, field = 'expectedRevision'): ExpectedRevision {
  if (value === undefined) return 'any';
  if (value === 'any' || value === 'no_stream' || value === 'stream_exists') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'bigint' && value >= 0n && value < 2n ** 63n) return value;
  throw new InvalidAppendError(
    field,
    `must be "any", "no_stream", "stream_exists" or a revision (an integer ≥ 0), got ${describe(value)}`,
  );
}

/**
 * The streams of a multi-stream append, each validated (a bad field is named as `appends[i].…`), none named
 * twice, and at least one.
 */
export function validateStreamAppends(appends: unknown): { streamId: string; events: EventToAppend[]; expected: ExpectedRevision }[] {
  if (!Array.isArray(appends) || appends.length === 0) throw new InvalidAppendError('appends', 'must hold at least one stream');
  const valid = appends.map((a: StreamAppend, i) => {
    try {
      return { streamId: validateStreamId(a?.streamId), events: validateEvents(a?.events), expected: parseExpectedRevision(a?.expected) };
    } catch (error) {
      if (error instanceof InvalidAppendError) throw new InvalidAppendError(`appends[${i}].${error.field}`, error.reason);
      throw error;
    }
  });
  if (new Set(valid.map((a) => a.streamId)).size !== valid.length) throw new InvalidAppendError('appends', 'names a stream twice');
  return valid;
}

export function validateEvents(events: unknown): EventToAppend[] {
  if (!Array.isArray(events)) throw new InvalidAppendError('events', 'must be an array');
  if (events.length === 0) throw new InvalidAppendError('events', 'must hold at least one event');
  if (events.length > LIMITS.eventsPerAppend) {
    throw new InvalidAppendError('events', `must hold at most ${LIMITS.eventsPerAppend} events, got ${events.length}`);
  }
  const seen = new Set<string>();
  return events.map((event, i) => {
    const valid = validateEvent(event, `events[${i}]`);
    if (seen.has(valid.id)) throw new InvalidAppendError(`events[${i}].id`, `repeats id ${valid.id} of an earlier event`);
    seen.add(valid.id);
    return valid;
  });
}

function validateEvent(event: unknown, path: string): EventToAppend {
  if (!isPlainObject(event)) throw new InvalidAppendError(path, 'must be an object');
  const { id, type, schemaVersion, data, metadata } = event as Record<string, unknown>;
  if (typeof id !== 'string' || !UUID.test(id)) throw new InvalidAppendError(`${path}.id`, 'must be a UUID');
  if (typeof type !== 'string' || type.length === 0) throw new InvalidAppendError(`${path}.type`, 'must be a non-empty string');
  if (type.length > LIMITS.eventTypeMaxLength) {
    throw new InvalidAppendError(`${path}.type`, `must be at most ${LIMITS.eventTypeMaxLength} characters`);
  }
  if (!EVENT_TYPE.test(type)) {
    throw new InvalidAppendError(`${path}.type`, `"${type}" is not an event type name (letters and digits, parts joined by ".", ":" or "-")`);
  }
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > 2 ** 31 - 1) {
    throw new InvalidAppendError(`${path}.schemaVersion`, 'must be an integer ≥ 1');
  }
  const validData = validateJsonObject(data, `${path}.data`);
  const validMetadata = metadata === undefined ? {} : validateJsonObject(metadata, `${path}.metadata`);
  const bytes = Buffer.byteLength(JSON.stringify(validData)) + Buffer.byteLength(JSON.stringify(validMetadata));
  if (bytes > LIMITS.eventMaxBytes) {
    throw new InvalidAppendError(path, `data and metadata take ${bytes} bytes as JSON, over the limit of ${LIMITS.eventMaxBytes}`);
  }
  return { id: id.toLowerCase(), type, schemaVersion, data: validData, metadata: validMetadata };
}

export function validateJsonObject(value: unknown, path: string): JsonObject {
  if (!isPlainObject(value)) throw new InvalidAppendError(path, `must be a JSON object, got ${describe(value)}`);
  checkJson(value, path, 0);
  return value as JsonObject;
}

function checkJson(value: unknown, path: string, depth: number): void {
  if (depth > LIMITS.jsonMaxDepth) throw new InvalidAppendError(path, `nests deeper than ${LIMITS.jsonMaxDepth} levels`);
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidAppendError(path, `${value} is not a JSON number`);
    return;
  }
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new InvalidAppendError(path, 'must not contain the NUL character');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkJson(item, `${path}[${i}]`, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) throw new InvalidAppendError(path, 'keys must not contain the NUL character');
      checkJson(item, `${path}.${key}`, depth + 1);
    }
    return;
  }
  throw new InvalidAppendError(path, `${describe(value)} is not a JSON value`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return `a ${(value as object).constructor?.name ?? 'object'}`;
  return `${typeof value} ${String(value)}`;
}
