import type { IdentifierKind } from '#vocabulary';
import type { Aggregate } from './aggregate.js';

export type IdentifierState =
  | { issued: false }
  | { issued: true; subjectId: string; kind: IdentifierKind; scope: string | null; issuedBy: string; retired: boolean; successor: string | null };

/** 番号 — one identifier value (by fingerprint): issued once, to one subject; once retired, never again. */
export const Identifier: Aggregate<IdentifierState> = {
  streamOf: (fingerprint) => `identifier-${fingerprint}`,
  initial: { issued: false },
  evolve: (state, event) => {
    switch (event.type) {
      case 'IdentifierIssued':
        return { issued: true, subjectId: event.data.subjectId, kind: event.data.kind, scope: event.data.scope, issuedBy: event.data.issuedBy, retired: false, successor: null };
      case 'IdentifierRetired':
        return state.issued ? { ...state, retired: true } : state;
      case 'IdentifierSucceeded':
        return state.issued ? { ...state, successor: event.data.successorFingerprint } : state;
      default:
        return state;
    }
  },
};
