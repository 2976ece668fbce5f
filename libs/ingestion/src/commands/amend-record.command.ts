import { z } from 'zod';
import { domainEvent, entityId, type EventData, type RecordAmended } from '#vocabulary';
import { edgeInstant as instant, edgeText as text } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { basic4Input } from '../application/privacy-edge.js';
import { Dataset, type DatasetState } from '../domain/aggregates/dataset.aggregate.js';
import { DatasetRecord, type RecordState } from '../domain/aggregates/record.aggregate.js';
import { checkFieldsHeld, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { invalid, notFound } from '../domain/domain.errors.js';

export function amendRecord(
  record: Loaded<RecordState>,
  dataset: Loaded<DatasetState>,
  data: Omit<EventData<typeof RecordAmended>, 'datasetId' | 'subjectId'>,
): StreamWrite {
  if (!record.state.registered || !dataset.state.registered) throw notFound('payload.recordId', `no record "${data.recordId}" is registered`);
  if (Object.keys(data.basic4).length === 0) throw invalid('payload.basic4', 'must amend at least one field');
  checkFieldsHeld(dataset.state, data.basic4);
  return write(record, domainEvent('RecordAmended', { ...data, datasetId: record.state.datasetId, subjectId: record.state.subjectId }));
}

/** 記録の訂正 — a record's basic-4 information amended. */
export const AmendRecord = defineCommand({
  type: 'AmendRecord',
  emits: ['RecordAmended'],
  payload: z.strictObject({ recordId: entityId, basic4: basic4Input, reason: text(200), occurredAt: instant }),
  handle: async (p, ctx) => {
    const record = await ctx.load(DatasetRecord, p.recordId);
    const dataset = await ctx.load(Dataset, record.state.registered ? record.state.datasetId : '-');
    if (record.state.registered) ctx.authorize('payload.recordId', record.state.holderId);
    return [amendRecord(record, dataset, { recordId: p.recordId, basic4: ctx.basic4(p.basic4, 'payload.basic4', p.occurredAt), reason: p.reason, occurredAt: p.occurredAt })];
  },
});
