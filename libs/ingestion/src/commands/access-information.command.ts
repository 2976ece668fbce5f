import { z } from 'zod';
import { ACCESS_CHANNELS, ACCESS_OUTCOMES, domainEvent, entityId, staffCode, type EventData, type InformationAccessed } from '#vocabulary';
import { edgeInstant as instant, edgeItems as items, edgeText as text } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { identifierInput } from '../application/privacy-edge.js';
import { Dataset, type DatasetState } from '../domain/aggregates/dataset.aggregate.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { Access } from '../domain/aggregates/provision.aggregate.js';
import { requireOrganization, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { invariant, notFound } from '../domain/domain.errors.js';

/** 閲覧・利用: recorded against a registered organization and dataset, once per access id. */
export function accessInformation(
  access: Loaded<{ recorded: boolean }>,
  organization: Loaded<OrganizationState>,
  dataset: Loaded<DatasetState>,
  data: EventData<typeof InformationAccessed>,
): StreamWrite {
  requireOrganization(organization, 'payload.organizationId');
  if (!dataset.state.registered) throw notFound('payload.datasetId', `no dataset "${data.datasetId}" is registered`);
  if (access.state.recorded) throw invariant('payload.accessId', `access "${data.accessId}" is already recorded`);
  return write(access, domainEvent('InformationAccessed', data));
}

/** 閲覧・利用 — a staff member used a subject's information in a dataset. */
export const AccessInformation = defineCommand({
  type: 'AccessInformation',
  emits: ['InformationAccessed'],
  payload: z.strictObject({
      accessId: entityId,
      organizationId: entityId,
      staffCode,
      subject: identifierInput,
      datasetId: entityId,
      items,
      purpose: text().nullish().transform((v) => v ?? null),
      channel: z.enum(ACCESS_CHANNELS),
      outcome: z.enum(ACCESS_OUTCOMES),
      occurredAt: instant,
    }),
  handle: async (p, ctx) => {
    ctx.authorize('payload.organizationId', p.organizationId);
    const { subject, ...rest } = p;
    const { subjectId, viaIdentifier } = await ctx.subject(subject, 'payload.subject');
    return [
      accessInformation(await ctx.load(Access, p.accessId), await ctx.load(Organization, p.organizationId), await ctx.load(Dataset, p.datasetId), {
        ...rest,
        subjectId,
        viaIdentifier,
      }),
    ];
  },
});
