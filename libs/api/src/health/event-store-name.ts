/** Which store holds the log, as /health and /metrics name it; the composition root provides it. */
export type EventStoreName = 'postgresql' | 'pglite' | 'kurrentdb';

/** Injection token of the EventStoreName. */
export const EVENT_STORE_NAME = Symbol('EventStoreName');
