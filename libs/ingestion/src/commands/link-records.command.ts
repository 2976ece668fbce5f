import { z } from 'zod';
import { domainEvent, entityId, linkKey, staffCode, type EventData, type RecordsLinked } from '#vocabulary';
import { edgeInstant as instant, edgeText as text } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { Link, type LinkState } from '../domain/aggregates/link.aggregate.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { DatasetRecord, type RecordState } from '../domain/aggregates/record.aggregate.js';
import { requireOrganization, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { forbidden, invalid, invariant, notFound } from '../domain/domain.errors.js';

type LinkInput = Omit<EventData<typeof RecordsLinked>, 'datasets' | 'subjects'>;

/** 紐付け: a tie links two registered, distinct records, at least one of them the tying organization's own; a link id is used once. */
export function linkRecords(
  link: Loaded<LinkState>,
  records: [Loaded<RecordState>, Loaded<RecordState>],
  organization: Loaded<OrganizationState>,
  data: LinkInput,
): StreamWrite {
  requireOrganization(organization, 'payload.organizationId');
  const [a, b] = records.map((record, i) => {
    if (!record.state.registered) throw notFound(`payload.records[${i}]`, `no record "${data.records[i]}" is registered`);
    return record.state;
  }) as [Extract<RecordState, { registered: true }>, Extract<RecordState, { registered: true }>];
  if (data.records[0] === data.records[1]) throw invalid('payload.records[1]', 'a tie links two different records');
  if (a.holderId !== data.organizationId && b.holderId !== data.organizationId) {
    throw forbidden('payload.records', `"${data.organizationId}" holds neither record: an organization ties records only from its own datasets to others`);
  }
  if (link.state.status !== 'none') throw invariant('payload.linkId', `tie "${data.linkId}" already exists`);
  if (data.expectedCutOffAt !== null && data.expectedCutOffAt < data.occurredAt) {
    throw invalid('payload.expectedCutOffAt', 'the expected cut-off is before the tie was made');
  }
  return write(
    link,
    domainEvent('RecordsLinked', { ...data, datasets: [a.datasetId, b.datasetId], subjects: [a.subjectId, b.subjectId] }),
  );
}

/** 紐付け — a tie between two records. */
export const LinkRecords = defineCommand({
  type: 'LinkRecords',
  emits: ['RecordsLinked'],
  payload: z.strictObject({
      linkId: entityId,
      organizationId: entityId,
      staffCode,
      records: z.tuple([entityId, entityId]),
      key: linkKey,
      purpose: text(),
      legalBasis: text().nullish().transform((v) => v ?? null),
      expectedCutOffAt: instant.nullish().transform((v) => v ?? null),
      occurredAt: instant,
    }),
  handle: async (p, ctx) => {
    ctx.authorize('payload.organizationId', p.organizationId);
    const records = [await ctx.load(DatasetRecord, p.records[0]), await ctx.load(DatasetRecord, p.records[1])] as const;
    return [linkRecords(await ctx.load(Link, p.linkId), [...records], await ctx.load(Organization, p.organizationId), p)];
  },
});
