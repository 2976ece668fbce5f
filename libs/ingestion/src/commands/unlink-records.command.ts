import { z } from 'zod';
import { domainEvent, entityId, staffCode } from '#vocabulary';
import { edgeInstant as instant, edgeText as text } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { Link, type LinkState } from '../domain/aggregates/link.aggregate.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { DatasetRecord } from '../domain/aggregates/record.aggregate.js';
import { requireOrganization, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { forbidden, invariant, notFound } from '../domain/domain.errors.js';

/**
 * 紐付け解除: only a live tie can be cut, once, by the organization that made it or one holding either of its
 * records (`holders`: the holders of the tie's records).
 */
export function unlinkRecords(
  link: Loaded<LinkState>,
  organization: Loaded<OrganizationState>,
  holders: readonly string[],
  data: { linkId: string; organizationId: string; staffCode: string; reason: string; occurredAt: string },
): StreamWrite {
  requireOrganization(organization, 'payload.organizationId');
  if (link.state.status === 'none') throw notFound('payload.linkId', `no tie "${data.linkId}" exists`);
  if (data.organizationId !== link.state.organizationId && !holders.includes(data.organizationId)) {
    throw forbidden('payload.organizationId', `"${data.organizationId}" neither made tie "${data.linkId}" nor holds either of its records, so it cannot cut it`);
  }
  if (link.state.status === 'cut') throw invariant('payload.linkId', `tie "${data.linkId}" is already cut`);
  const { records, subjects } = link.state;
  return write(link, domainEvent('RecordsUnlinked', { ...data, records, subjects }));
}

/** 紐付け解除 — a tie cut after use. */
export const UnlinkRecords = defineCommand({
  type: 'UnlinkRecords',
  emits: ['RecordsUnlinked'],
  payload: z.strictObject({ linkId: entityId, organizationId: entityId, staffCode, reason: text(), occurredAt: instant }),
  handle: async (p, ctx) => {
    ctx.authorize('payload.organizationId', p.organizationId);
    const link = await ctx.load(Link, p.linkId);
    const holders: string[] = [];
    for (const recordId of link.state.status === 'none' ? [] : link.state.records) {
      const record = await ctx.load(DatasetRecord, recordId);
      if (record.state.registered) holders.push(record.state.holderId);
    }
    return [unlinkRecords(link, await ctx.load(Organization, p.organizationId), holders, p)];
  },
});
