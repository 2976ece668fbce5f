import type { Aggregate } from './aggregate.js';

export type LinkState =
  | { status: 'none' }
  | { status: 'live' | 'cut'; records: [string, string]; subjects: [string, string]; organizationId: string };

/** 紐付け — a tie lives from its link to its cut; only a live tie can be cut, and only once. */
export const Link: Aggregate<LinkState> = {
  streamOf: (linkId) => `link-${linkId}`,
  initial: { status: 'none' },
  evolve: (state, event) => {
    if (event.type === 'RecordsLinked') {
      const { records, subjects, organizationId } = event.data;
      return { status: 'live', records, subjects, organizationId };
    }
    if (event.type === 'RecordsUnlinked' && state.status === 'live') return { ...state, status: 'cut' };
    return state;
  },
};
