import type { Aggregate } from './aggregate.js';

export interface OrganizationState {
  registered: boolean;
  kind?: string;
  domains: string[];
}

/** 機関・事業者 */
export const Organization: Aggregate<OrganizationState> = {
  streamOf: (id) => `organization-${id}`,
  initial: { registered: false, domains: [] },
  evolve: (state, event) =>
    event.type === 'OrganizationRegistered' ? { registered: true, kind: event.data.kind, domains: event.data.domains } : state,
};

/** A row of the permitted-provision table; registered once. */
export const PermittedProvision: Aggregate<{ registered: boolean }> = {
  streamOf: (id) => `permitted-provision-${id}`,
  initial: { registered: false },
  evolve: (state, event) => (event.type === 'PermittedProvisionRegistered' ? { registered: true } : state),
};
