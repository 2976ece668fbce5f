import { z } from 'zod';
import { domainEvent, entityId, PROVISION_OUTCOMES, type EventData, type InformationProvided } from '#vocabulary';
import { edgeInstant as instant, edgeItems as items, edgeText as text } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { identifierInput } from '../application/privacy-edge.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { Provision, type ProvisionState } from '../domain/aggregates/provision.aggregate.js';
import { requireOrganization, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { invalid, invariant } from '../domain/domain.errors.js';

/** 情報提供: a provision names registered organizations; a provided one has a provision time, not before the request. */
export function provideInformation(
  provision: Loaded<ProvisionState>,
  requester: Loaded<OrganizationState>,
  provider: Loaded<OrganizationState>,
  data: EventData<typeof InformationProvided>,
): StreamWrite {
  requireOrganization(requester, 'payload.requesterId');
  requireOrganization(provider, 'payload.providerId');
  if (provision.state.recorded) throw invariant('payload.provisionId', `provision "${data.provisionId}" is already recorded`);
  if (data.outcome === 'PROVIDED' && data.providedAt === null) throw invalid('payload.providedAt', 'a provided provision needs the time it was provided');
  if (data.outcome !== 'PROVIDED' && data.providedAt !== null) throw invalid('payload.providedAt', `a provision with outcome ${data.outcome} provided nothing`);
  if (data.providedAt !== null && data.providedAt < data.requestedAt) throw invalid('payload.providedAt', 'is before the request');
  return write(provision, domainEvent('InformationProvided', data));
}

/** 情報提供 — information provided (or refused) between organizations about a subject. */
export const ProvideInformation = defineCommand({
  type: 'ProvideInformation',
  emits: ['InformationProvided'],
  payload: z.strictObject({
      provisionId: entityId,
      requesterId: entityId,
      providerId: entityId,
      subject: identifierInput,
      items,
      procedure: text(),
      legalBasis: text(),
      requestedAt: instant,
      providedAt: instant.nullish().transform((v) => v ?? null),
      outcome: z.enum(PROVISION_OUTCOMES),
      nonDisclosure: z.boolean().default(false),
    }),
  handle: async (p, ctx) => {
    ctx.authorize('payload.requesterId', p.requesterId, p.providerId);
    const { subject, ...rest } = p;
    const { subjectId, viaIdentifier } = await ctx.subject(subject, 'payload.subject');
    const data = { ...rest, subjectId, viaIdentifier, occurredAt: p.providedAt ?? p.requestedAt };
    return [
      provideInformation(await ctx.load(Provision, p.provisionId), await ctx.load(Organization, p.requesterId), await ctx.load(Organization, p.providerId), data),
    ];
  },
});
