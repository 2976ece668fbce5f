import { z } from 'zod';
import { domainEvent, entityId } from '#vocabulary';
import { edgeInstant as instant } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { Provision, type ProvisionState } from '../domain/aggregates/provision.aggregate.js';
import { requireOrganization, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { forbidden, invariant, notFound } from '../domain/domain.errors.js';

/** 不開示の解除: only a party to the provision (its requester or provider) lifts the flag that hides it from the person. */
export function releaseNonDisclosure(provision: Loaded<ProvisionState>, releaser: Loaded<OrganizationState>, provisionId: string, occurredAt: string): StreamWrite {
  requireOrganization(releaser, 'payload.releasedBy');
  if (!provision.state.recorded) throw notFound('payload.provisionId', `no provision "${provisionId}" is recorded`);
  const releasedBy = releaser.streamId.slice('organization-'.length);
  if (releasedBy !== provision.state.requesterId && releasedBy !== provision.state.providerId) {
    throw forbidden('payload.releasedBy', `"${releasedBy}" is not party to provision "${provisionId}": only its requester or provider can release its non-disclosure flag`);
  }
  if (!provision.state.nonDisclosure) throw invariant('payload.provisionId', `provision "${provisionId}" is not under a non-disclosure flag`);
  return write(provision, domainEvent('NonDisclosureReleased', { provisionId, subjectId: provision.state.subjectId, releasedBy, occurredAt }));
}

/** 不開示の解除 — a provision hidden from the person is shown to them. */
export const ReleaseNonDisclosure = defineCommand({
  type: 'ReleaseNonDisclosure',
  emits: ['NonDisclosureReleased'],
  payload: z.strictObject({ provisionId: entityId, releasedBy: entityId, occurredAt: instant }),
  handle: async (p, ctx) => {
    ctx.authorize('payload.releasedBy', p.releasedBy);
    return [releaseNonDisclosure(await ctx.load(Provision, p.provisionId), await ctx.load(Organization, p.releasedBy), p.provisionId, p.occurredAt)];
  },
});
