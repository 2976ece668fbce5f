import { EventStoreError } from '#event-store';

/** The server has no atomic multi-stream append (KurrentDB before 25.1): nothing was written, and no stream is tried alone. */
export class MultiStreamAppendUnsupportedError extends EventStoreError {
  readonly code = 'MULTI_STREAM_APPEND_UNSUPPORTED';
  constructor(readonly serverVersion: string) {
    super(
      `the KurrentDB server (${serverVersion}) has no atomic multi-stream append (KurrentDB 25.1 and later): ` +
        'nothing was written; an append to several streams is never split into separate appends',
    );
  }
}

/** A stream was deleted or tombstoned in KurrentDB by someone else: this store never deletes, so the log was tampered with. */
export class StreamDeletedError extends EventStoreError {
  readonly code = 'STREAM_DELETED';
  constructor(readonly streamId: string) {
    super(`stream "${streamId}" was deleted in KurrentDB outside Himotoki (the event store never deletes): check the operator's ACLs`);
  }
}

/** KurrentDB refused the credentials or the stream's ACL refused the operation. */
export class EventStoreAccessDeniedError extends EventStoreError {
  readonly code = 'ACCESS_DENIED';
  constructor(readonly streamId: string) {
    super(`KurrentDB denied access to stream "${streamId}"`);
  }
}
