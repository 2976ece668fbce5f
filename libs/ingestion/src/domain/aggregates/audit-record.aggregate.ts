import type { Aggregate } from './aggregate.js';

/** One audited query: its own small stream, so concurrent auditors never wait on each other. */
export const AuditRecord: Aggregate<{ recorded: boolean }> = {
  streamOf: (id) => `audit-${id}`,
  initial: { recorded: false },
  evolve: (state, event) => (event.type === 'AuditorQueried' ? { recorded: true } : state),
};
