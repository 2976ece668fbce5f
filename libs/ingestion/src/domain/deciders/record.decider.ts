import { invalid, invariant, notFound } from '../domain.errors.js';
import type { DatasetState } from '../aggregates/dataset.aggregate.js';
import type { RecordState } from '../aggregates/record.aggregate.js';
import { type Basic4Field, type Basic4Fingerprints, domainEvent, type EventData, type RecordAmended, type RecordRegistered } from '#vocabulary';
import { write, type Loaded, type StreamWrite } from './decision.js';

const FIELD_OF: Record<keyof Basic4Fingerprints, Basic4Field> = {
  nameKanji: 'NAME_KANJI',
  nameKana: 'NAME_KANA',
  birthDate: 'BIRTH_DATE',
  sex: 'SEX',
  address: 'ADDRESS',
};

/** A record may only carry the basic-4 fields its dataset is registered as holding. */
function checkFieldsHeld(dataset: Extract<DatasetState, { registered: true }>, basic4: Basic4Fingerprints): void {
  for (const key of Object.keys(basic4) as (keyof Basic4Fingerprints)[]) {
    if (!dataset.basic4Fields.includes(FIELD_OF[key])) {
      throw invalid(`payload.basic4.${key}`, `dataset "${dataset.datasetId}" is not registered as holding ${FIELD_OF[key]}`);
    }
  }
}

export function registerRecord(record: Loaded<RecordState>, dataset: Loaded<DatasetState>, data: EventData<typeof RecordRegistered>): StreamWrite {
  if (!dataset.state.registered) throw notFound('payload.datasetId', `no dataset "${data.datasetId}" is registered`);
  if (record.state.registered) throw invariant('payload.recordId', `record "${data.recordId}" is already registered`);
  checkFieldsHeld(dataset.state, data.basic4);
  return write(record, domainEvent('RecordRegistered', { ...data, holderId: dataset.state.holderId }));
}

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
