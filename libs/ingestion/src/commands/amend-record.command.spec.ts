import { domainEvent } from '#vocabulary';
import { Dataset } from '../domain/aggregates/dataset.aggregate.js';
import { DatasetRecord } from '../domain/aggregates/record.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, fingerprintOf, registeredDataset, SUBJECT } from '../testing/streams.js';
import { amendRecord } from './amend-record.command.js';

const name = (d: string) => ({ RAW: fingerprintOf(d), NFKC: fingerprintOf(d), KANA: fingerprintOf(d), VARIANT: fingerprintOf(d) });
const registered = domainEvent('RecordRegistered', { recordId: 'r-1', datasetId: 'city-tax', holderId: 'city', subjectId: SUBJECT, identifiers: [], basic4: { nameKanji: name('1') }, occurredAt: AT });
const cityTax = registeredDataset('city-tax', 'city', ['NAME_KANJI', 'BIRTH_DATE']);
const marriage = { recordId: 'r-1', basic4: { nameKanji: name('2') }, reason: '婚姻による氏の変更', occurredAt: '2024-06-01T00:00:00.000Z' };

describe('AmendRecord (記録の訂正)', () => {
  it("given a registered record, when its name is amended, then the amendment names the record's dataset and subject, at the record's revision", () => {
    const amended = domainEvent('RecordAmended', { ...marriage, datasetId: 'city-tax', subjectId: SUBJECT });
    expect(when(() => amendRecord(given(DatasetRecord, 'r-1', registered), cityTax, marriage))).toEqual({
      writes: [{ streamId: 'record-r-1', expected: 0n, events: [amended] }],
      events: [amended],
    });
  });

  it('given a record amended once, when it is amended again, then the second amendment is written after the first', () => {
    const once = domainEvent('RecordAmended', { ...marriage, datasetId: 'city-tax', subjectId: SUBJECT });
    expect(when(() => amendRecord(given(DatasetRecord, 'r-1', registered, once), cityTax, { ...marriage, basic4: { nameKanji: name('3') } }))).toMatchObject({
      writes: [{ streamId: 'record-r-1', expected: 1n }],
    });
  });

  it('given no record, when it is amended, then the record is not found', () => {
    expect(when(() => amendRecord(given(DatasetRecord, 'r-1'), given(Dataset, '-'), marriage))).toEqual({
      refused: { code: 'NOT_FOUND', field: 'payload.recordId', reason: 'no record "r-1" is registered' },
    });
  });

  it('given a registered record, when nothing is amended, then the empty amendment is refused', () => {
    expect(when(() => amendRecord(given(DatasetRecord, 'r-1', registered), cityTax, { ...marriage, basic4: {} }))).toEqual({
      refused: { code: 'INVALID_INPUT', field: 'payload.basic4', reason: 'must amend at least one field' },
    });
  });

  it('given a dataset that holds no sex, when a record is amended with one, then the field is refused', () => {
    expect(when(() => amendRecord(given(DatasetRecord, 'r-1', registered), cityTax, { ...marriage, basic4: { sex: fingerprintOf('9') } }))).toEqual({
      refused: { code: 'INVALID_INPUT', field: 'payload.basic4.sex', reason: 'dataset "city-tax" is not registered as holding SEX' },
    });
  });
});
