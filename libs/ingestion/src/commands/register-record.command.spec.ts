import { domainEvent } from '#vocabulary';
import { Dataset } from '../domain/aggregates/dataset.aggregate.js';
import { DatasetRecord } from '../domain/aggregates/record.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, fingerprintOf, registeredDataset, SUBJECT } from '../testing/streams.js';
import { registerRecord } from './register-record.command.js';

const name = { RAW: fingerprintOf('1'), NFKC: fingerprintOf('2'), KANA: fingerprintOf('3'), VARIANT: fingerprintOf('4') };
const record = { recordId: 'r-1', datasetId: 'city-tax', holderId: '', subjectId: SUBJECT, identifiers: [fingerprintOf('a')], basic4: { nameKanji: name }, occurredAt: AT };
const cityTax = registeredDataset('city-tax', 'city', ['NAME_KANJI', 'BIRTH_DATE']);

describe('RegisterRecord (記録の登録)', () => {
  it("given a registered dataset, when a record is registered in it, then the record is registered from no stream, held by the dataset's holder", () => {
    const registered = domainEvent('RecordRegistered', { ...record, holderId: 'city' });
    expect(when(() => registerRecord(given(DatasetRecord, 'r-1'), cityTax, record))).toEqual({
      writes: [{ streamId: 'record-r-1', expected: 'no_stream', events: [registered] }],
      events: [registered],
    });
  });

  it('given a registered dataset, when a record claims another holder, then the holder recorded is still the dataset\'s', () => {
    expect(when(() => registerRecord(given(DatasetRecord, 'r-1'), cityTax, { ...record, holderId: 'shop' }))).toMatchObject({
      events: [{ type: 'RecordRegistered', data: { holderId: 'city' } }],
    });
  });

  it('given no dataset, when a record is registered in it, then the dataset is not found', () => {
    expect(when(() => registerRecord(given(DatasetRecord, 'r-1'), given(Dataset, 'city-tax'), record))).toEqual({
      refused: { code: 'NOT_FOUND', field: 'payload.datasetId', reason: 'no dataset "city-tax" is registered' },
    });
  });

  it('given a registered record, when it is registered again, then it is refused as an invariant of the record', () => {
    const registered = given(DatasetRecord, 'r-1', domainEvent('RecordRegistered', { ...record, holderId: 'city' }));
    expect(when(() => registerRecord(registered, cityTax, record))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.recordId', reason: 'record "r-1" is already registered' },
    });
  });

  it('given a dataset that holds no address, when a record carries one, then the address field is refused', () => {
    const address = { FULL: fingerprintOf('5'), MUNICIPALITY: fingerprintOf('6'), PREFECTURE: fingerprintOf('7') };
    expect(when(() => registerRecord(given(DatasetRecord, 'r-1'), cityTax, { ...record, basic4: { nameKanji: name, address } }))).toEqual({
      refused: { code: 'INVALID_INPUT', field: 'payload.basic4.address', reason: 'dataset "city-tax" is not registered as holding ADDRESS' },
    });
  });
});
