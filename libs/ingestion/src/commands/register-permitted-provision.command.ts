import { domainEvent, PermittedProvisionRegistered, type EventData } from '#vocabulary';
import { defineCommand } from '../application/command.js';
import { edgeInstant as instant, edgeItems as items, edgeText as text } from '../domain/edge.grammar.js';
import { Organization, PermittedProvision, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { requireOrganization, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { invariant } from '../domain/domain.errors.js';

export function registerPermittedProvision(
  row: Loaded<{ registered: boolean }>,
  requester: Loaded<OrganizationState>,
  provider: Loaded<OrganizationState>,
  data: EventData<typeof PermittedProvisionRegistered>,
): StreamWrite {
  requireOrganization(requester, 'payload.requesterId');
  requireOrganization(provider, 'payload.providerId');
  if (row.state.registered) throw invariant('payload.permittedProvisionId', `permitted provision "${data.permittedProvisionId}" is already registered`);
  return write(row, domainEvent('PermittedProvisionRegistered', data));
}

/** 別表第二の行 — a row of the table of permitted provisions (who may obtain what from whom, for which procedure). */
export const RegisterPermittedProvision = defineCommand({
  type: 'RegisterPermittedProvision',
  emits: ['PermittedProvisionRegistered'],
  payload: PermittedProvisionRegistered.schema.extend({ procedure: text(), items, legalBasis: text(), occurredAt: instant }),
  handle: async (p, ctx) => {
    // The table of permitted provisions is the law's, not an organization's: operators register its rows.
    ctx.authorize('payload.permittedProvisionId');
    const [row, requester, provider] = [
      await ctx.load(PermittedProvision, p.permittedProvisionId),
      await ctx.load(Organization, p.requesterId),
      await ctx.load(Organization, p.providerId),
    ];
    return [registerPermittedProvision(row, requester, provider, p)];
  },
});
