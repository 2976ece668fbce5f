import { domainEvent } from '#vocabulary';
import { Link } from '../domain/aggregates/link.aggregate.js';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { DatasetRecord } from '../domain/aggregates/record.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { linkRecords } from './link-records.command.js';

const AT = '2024-04-02T00:00:00.000Z';
const SUBJECT = '0190b5a6-0000-7000-8000-000000000001';
const city = given(Organization, 'city', domainEvent('OrganizationRegistered', { organizationId: 'city', name: '横浜市', kind: 'MUNICIPALITY', domains: ['TAX'], occurredAt: AT }));
const record = (recordId: string, datasetId: string, holderId: string) =>
  given(DatasetRecord, recordId, domainEvent('RecordRegistered', { recordId, datasetId, holderId, subjectId: SUBJECT, identifiers: [], basic4: {}, occurredAt: AT }));
const tie = {
  linkId: 'tie-1', records: ['r-city', 'r-pension'] as [string, string], key: { by: 'BASIC4' as const }, organizationId: 'city', staffCode: 'S-1',
  purpose: '名寄せの確認', legalBasis: null, expectedCutOffAt: '2024-05-01T00:00:00.000Z', occurredAt: AT,
};

describe('LinkRecords (紐付け)', () => {
  it('given two registered records, one of them its own, when an organization ties them, then the tie names their datasets and subjects', () => {
    expect(when(() => linkRecords(given(Link, 'tie-1'), [record('r-city', 'city-tax', 'city'), record('r-pension', 'pension', 'jps')], city, tie))).toMatchObject({
      writes: [{ streamId: 'link-tie-1', expected: 'no_stream' }],
      events: [{ type: 'RecordsLinked', data: { ...tie, datasets: ['city-tax', 'pension'], subjects: [SUBJECT, SUBJECT] } }],
    });
  });

  it('given records neither of which it holds, when an organization ties them, then it is forbidden', () => {
    expect(when(() => linkRecords(given(Link, 'tie-1'), [record('r-city', 'x', 'other'), record('r-pension', 'pension', 'jps')], city, tie))).toMatchObject({
      refused: { code: 'FORBIDDEN', field: 'payload.records' },
    });
  });

  it('given a record not registered, when it is tied, then that record is not found', () => {
    expect(when(() => linkRecords(given(Link, 'tie-1'), [record('r-city', 'city-tax', 'city'), given(DatasetRecord, 'r-pension')], city, tie))).toMatchObject({
      refused: { code: 'NOT_FOUND', field: 'payload.records[1]' },
    });
  });

  it('given one record, when it is tied to itself, then it is refused', () => {
    const same = { ...tie, records: ['r-city', 'r-city'] as [string, string] };
    expect(when(() => linkRecords(given(Link, 'tie-1'), [record('r-city', 'city-tax', 'city'), record('r-city', 'city-tax', 'city')], city, same))).toMatchObject({
      refused: { code: 'INVALID_INPUT', field: 'payload.records[1]' },
    });
  });

  it('given a tie id used once, when it is used again, then it is refused', () => {
    const made = domainEvent('RecordsLinked', { ...tie, datasets: ['city-tax', 'pension'], subjects: [SUBJECT, SUBJECT] });
    expect(when(() => linkRecords(given(Link, 'tie-1', made), [record('r-city', 'city-tax', 'city'), record('r-pension', 'pension', 'jps')], city, tie))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.linkId', reason: 'tie "tie-1" already exists' },
    });
  });

  it('given a cut-off before the tie, when it is made, then it is refused', () => {
    expect(when(() => linkRecords(given(Link, 'tie-1'), [record('r-city', 'city-tax', 'city'), record('r-pension', 'pension', 'jps')], city, { ...tie, expectedCutOffAt: '2024-01-01T00:00:00.000Z' }))).toMatchObject({
      refused: { code: 'INVALID_INPUT', field: 'payload.expectedCutOffAt' },
    });
  });
});
