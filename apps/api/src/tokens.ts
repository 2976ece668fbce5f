/** Injection tokens for the ports the app is wired with. */
export const DATABASE = Symbol('Database');
export const EVENT_STORE = Symbol('EventStore');
