import type { Aggregate } from './aggregate.js';

export type ProvisionState =
  | { recorded: false }
  | { recorded: true; subjectId: string; requesterId: string; providerId: string; nonDisclosure: boolean };

/** 情報提供 — recorded once; its non-disclosure flag can be released once. */
export const Provision: Aggregate<ProvisionState> = {
  streamOf: (provisionId) => `provision-${provisionId}`,
  initial: { recorded: false },
  evolve: (state, event) => {
    if (event.type === 'InformationProvided') {
      const { subjectId, requesterId, providerId, nonDisclosure } = event.data;
      return { recorded: true, subjectId, requesterId, providerId, nonDisclosure };
    }
    if (event.type === 'NonDisclosureReleased' && state.recorded) return { ...state, nonDisclosure: false };
    return state;
  },
};

/** 閲覧・利用 — each access is its own small stream, recorded once. */
export const Access: Aggregate<{ recorded: boolean }> = {
  streamOf: (accessId) => `access-${accessId}`,
  initial: { recorded: false },
  evolve: (state, event) => (event.type === 'InformationAccessed' ? { recorded: true } : state),
};
