import { z } from 'zod';
import { domainEvent, entityId, type EventData, type RecordRegistered } from '#vocabulary';
import { edgeInstant as instant } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { basic4Input, identifierInput } from '../application/privacy-edge.js';
import { Dataset, type DatasetState } from '../domain/aggregates/dataset.aggregate.js';
import { DatasetRecord, type RecordState } from '../domain/aggregates/record.aggregate.js';
import { checkFieldsHeld, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { invariant, notFound } from '../domain/domain.errors.js';

export function registerRecord(record: Loaded<RecordState>, dataset: Loaded<DatasetState>, data: EventData<typeof RecordRegistered>): StreamWrite {
  if (!dataset.state.registered) throw notFound('payload.datasetId', `no dataset "${data.datasetId}" is registered`);
  if (record.state.registered) throw invariant('payload.recordId', `record "${data.recordId}" is already registered`);
  checkFieldsHeld(dataset.state, data.basic4);
  return write(record, domainEvent('RecordRegistered', { ...data, holderId: dataset.state.holderId }));
}

/** 記録の登録 — a record of a subject in a dataset, keyed by identifiers, its basic-4 fingerprinted. */
export const RegisterRecord = defineCommand({
  type: 'RegisterRecord',
  emits: ['RecordRegistered'],
  payload: z.strictObject({
      recordId: entityId,
      datasetId: entityId,
      subject: identifierInput,
      /** The identifiers the record is keyed by; the subject's identifier when omitted. */
      identifiers: z.array(identifierInput).max(20).optional(),
      basic4: basic4Input,
      occurredAt: instant,
    }),
  handle: async (p, ctx) => {
    const { subjectId, viaIdentifier } = await ctx.subject(p.subject, 'payload.subject');
    const identifiers = p.identifiers
      ? await Promise.all(p.identifiers.map(async (input, i) => (await ctx.subject(input, `payload.identifiers[${i}]`)).viaIdentifier))
      : [viaIdentifier];
    const data = { recordId: p.recordId, datasetId: p.datasetId, holderId: '', subjectId, identifiers, basic4: ctx.basic4(p.basic4, 'payload.basic4', p.occurredAt), occurredAt: p.occurredAt };
    const dataset = await ctx.load(Dataset, p.datasetId);
    if (dataset.state.registered) ctx.authorize('payload.datasetId', dataset.state.holderId);
    return [registerRecord(await ctx.load(DatasetRecord, p.recordId), dataset, data)];
  },
});
