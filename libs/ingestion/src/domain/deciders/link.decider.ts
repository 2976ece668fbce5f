import { forbidden, invalid, invariant, notFound } from '../domain.errors.js';
import type { LinkState } from '../aggregates/link.aggregate.js';
import type { OrganizationState } from '../aggregates/organization.aggregate.js';
import type { RecordState } from '../aggregates/record.aggregate.js';
import { domainEvent, type EventData, type RecordsLinked } from '#vocabulary';
import { write, type Loaded, type StreamWrite } from './decision.js';
import { requireOrganization } from './organization.decider.js';

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
