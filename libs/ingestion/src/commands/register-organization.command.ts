import { domainEvent, OrganizationRegistered, type EventData } from '#vocabulary';
import { defineCommand } from '../application/command.js';
import { edgeInstant as instant, edgeText as text } from '../domain/edge.grammar.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { invariant } from '../domain/domain.errors.js';

export function registerOrganization(organization: Loaded<OrganizationState>, data: EventData<typeof OrganizationRegistered>): StreamWrite {
  if (organization.state.registered) throw invariant('payload.organizationId', `organization "${data.organizationId}" is already registered`);
  return write(organization, domainEvent('OrganizationRegistered', data));
}

/** 組織の登録 — an organization joins the platform, once. */
export const RegisterOrganization = defineCommand({
  type: 'RegisterOrganization',
  emits: ['OrganizationRegistered'],
  payload: OrganizationRegistered.schema.extend({ name: text(200), occurredAt: instant }),
  handle: async (p, ctx) => {
  ctx.authorize('payload.organizationId', p.organizationId);
  return [registerOrganization(await ctx.load(Organization, p.organizationId), p)];
  },
});
