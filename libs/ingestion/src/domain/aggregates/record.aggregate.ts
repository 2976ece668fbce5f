import type { Aggregate } from './aggregate.js';

export type RecordState = { registered: false } | { registered: true; datasetId: string; holderId: string; subjectId: string };

/** One subject's entry in one dataset. */
export const DatasetRecord: Aggregate<RecordState> = {
  streamOf: (recordId) => `record-${recordId}`,
  initial: { registered: false },
  evolve: (state, event) =>
    event.type === 'RecordRegistered'
      ? { registered: true, datasetId: event.data.datasetId, holderId: event.data.holderId, subjectId: event.data.subjectId }
      : state,
};

