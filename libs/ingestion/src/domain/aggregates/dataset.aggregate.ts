import type { DomainEventOf } from '#vocabulary';
import type { Aggregate } from './aggregate.js';

export type DatasetState = { registered: false } | ({ registered: true } & DomainEventOf<'DatasetRegistered'>['data']);

/** 特定個人情報ファイル / a company's customer file */
export const Dataset: Aggregate<DatasetState> = {
  streamOf: (id) => `dataset-${id}`,
  initial: { registered: false },
  evolve: (state, event) => (event.type === 'DatasetRegistered' ? { registered: true, ...event.data } : state),
};
