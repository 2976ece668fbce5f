import { describeRevision, type CurrentRevision, type ExpectedRevision } from './expected-revision.js';

/** Base of every error the event store raises on purpose; `code` is stable for API mapping. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** Optimistic-concurrency conflict: the stream is not at the revision the writer expected. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: CurrentRevision,
  ) {
    super(
      `stream "${streamId}": expected revision ${describeRevision(expected)}, actual ${describeRevision(actual)}`,
    );
  }
}

/** Bad input: names the offending field (a path such as `events[2].data`) and the reason. Nothing was written. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_INPUT';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** An event id that is already stored with other content or at another place: a retry must resend the same event. */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';
  constructor(
    readonly eventId: string,
    readonly reason: string,
  ) {
    super(`event id ${eventId} is already stored ${reason}`);
  }
}
