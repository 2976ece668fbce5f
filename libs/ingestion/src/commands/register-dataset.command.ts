import { DatasetRegistered, domainEvent, type EventData } from '#vocabulary';
import { defineCommand } from '../application/command.js';
import { edgeInstant as instant, edgeText as text } from '../domain/edge.grammar.js';
import { Dataset, type DatasetState } from '../domain/aggregates/dataset.aggregate.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { requireOrganization, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { invariant } from '../domain/domain.errors.js';

export function registerDataset(
  dataset: Loaded<DatasetState>,
  holder: Loaded<OrganizationState>,
  data: EventData<typeof DatasetRegistered>,
): StreamWrite {
  requireOrganization(holder, 'payload.holderId');
  if (dataset.state.registered) throw invariant('payload.datasetId', `dataset "${data.datasetId}" is already registered`);
  return write(dataset, domainEvent('DatasetRegistered', data));
}

/** データセットの登録 — a dataset, its holder, purpose and the basic-4 fields it holds. */
export const RegisterDataset = defineCommand({
  type: 'RegisterDataset',
  emits: ['DatasetRegistered'],
  payload: DatasetRegistered.schema.extend({ name: text(200), purpose: text(), legalBasis: text().nullish().transform((v) => v ?? null), occurredAt: instant }),
  handle: async (p, ctx) => {
    ctx.authorize('payload.holderId', p.holderId);
    return [registerDataset(await ctx.load(Dataset, p.datasetId), await ctx.load(Organization, p.holderId), p)];
  },
});
