import { CORRECTIONS_STREAM, domainEvent } from '#vocabulary';
import { Corrections } from '../domain/aggregates/correction.aggregate.js';
import type { OriginalEvent } from '../domain/decision.js';
import { given, when } from '../testing/given-when-then.js';
import { AT, fingerprintOf, informationProvided, OTHER_SUBJECT, SUBJECT } from '../testing/streams.js';
import { correctEvent, type CorrectionInput } from './correct-event.command.js';

const EVENT_ID = '0190b5a6-0000-7000-8000-0000000000e1';
const CORRECTED_AT = '2024-07-01T00:00:00.000Z';
const accessed = {
  accessId: 'a-1', organizationId: 'city', staffCode: 'C-1', subjectId: SUBJECT, viaIdentifier: fingerprintOf('a'), datasetId: 'city-tax',
  items: ['TAX_AMOUNT'], purpose: '住民税の賦課', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: AT,
};
/** An event as stored: its data read raw, so it may be one no schema accepts any more. */
const stored = (type: string, data: Record<string, unknown>, schemaVersion = 1): OriginalEvent =>
  ({ id: EVENT_ID, type, schemaVersion, streamId: 'access-a-1', globalPosition: 41n, transactionId: 7n, data });
const annul: CorrectionInput = { action: 'ANNUL', correctedData: null, reason: '誤登録', correctedBy: 'operator:ops-1', occurredAt: CORRECTED_AT };
const supersede = (correctedData: Record<string, unknown>): CorrectionInput => ({ ...annul, action: 'SUPERSEDE', correctedData });
const correct = (original: OriginalEvent, input: CorrectionInput, corrections = given(Corrections, EVENT_ID)) => when(() => correctEvent(corrections, original, input));

describe('CorrectEvent (訂正)', () => {
  it('given a stored access, when an operator annuls it, then the correction names the event, where it is in the log, its subject and organization', () => {
    const corrected = domainEvent('EventCorrected', {
      eventId: EVENT_ID, eventType: 'InformationAccessed', schemaVersion: 1, streamId: 'access-a-1', globalPosition: '41', transactionId: '7', action: 'ANNUL',
      correctedData: null, reason: '誤登録', correctedBy: 'operator:ops-1', subjectIds: [SUBJECT], organizationId: 'city', nonDisclosure: false, occurredAt: CORRECTED_AT,
    });
    expect(correct(stored('InformationAccessed', accessed), annul)).toEqual({ writes: [{ streamId: CORRECTIONS_STREAM, expected: 'no_stream', events: [corrected] }], events: [corrected] });
  });

  it('given corrections made before, when another is made, then it is appended to the one corrections stream after them', () => {
    const earlier = correct(stored('InformationAccessed', accessed), annul);
    const before = 'events' in earlier ? earlier.events : [];
    expect(correct(stored('InformationAccessed', accessed), annul, given(Corrections, EVENT_ID, ...before, ...before))).toMatchObject({
      writes: [{ streamId: CORRECTIONS_STREAM, expected: 1n }],
    });
  });

  it('given a stored access, when it is annulled with corrected data, then the data is refused', () => {
    expect(correct(stored('InformationAccessed', accessed), { ...annul, correctedData: { purpose: '別の目的' } })).toEqual({
      refused: { code: 'INVALID_INPUT', field: 'payload.correctedData', reason: 'ANNUL takes no corrected data' },
    });
  });

  it('given a stored access, when it is superseded without corrected data, then the missing data is refused', () => {
    expect(correct(stored('InformationAccessed', accessed), { ...annul, action: 'SUPERSEDE' })).toEqual({
      refused: { code: 'INVALID_INPUT', field: 'payload.correctedData', reason: 'SUPERSEDE needs the corrected fields' },
    });
  });

  it('given a stored access, when it is superseded with one field, then the corrected data is the whole event with that field replaced', () => {
    expect(correct(stored('InformationAccessed', accessed), supersede({ purpose: '児童手当の支給' }))).toMatchObject({
      events: [{ type: 'EventCorrected', data: { action: 'SUPERSEDE', correctedData: { ...accessed, purpose: '児童手当の支給' } } }],
    });
  });

  it('given an access stored with a date no schema accepts, when it is superseded with a valid date, then the correction holds the valid event', () => {
    const poisoned = stored('InformationAccessed', { ...accessed, occurredAt: 'not a date' });
    expect(correct(poisoned, supersede({ occurredAt: '2024-04-01T09:00:00+09:00' }))).toMatchObject({
      events: [{ data: { correctedData: { ...accessed, occurredAt: AT } } }],
    });
  });

  it('given a stored access, when it is superseded by data its schema refuses, then the offending field is named with the schema it must meet', () => {
    expect(correct(stored('InformationAccessed', accessed), supersede({ channel: 'TELEPATHY' }))).toMatchObject({
      refused: { code: 'INVALID_INPUT', field: 'payload.correctedData.channel', reason: expect.stringMatching(/\(the corrected event must be valid as InformationAccessed version 1\)$/) },
    });
  });

  it('given a stored access, when a superseding item is malformed, then the item is named as every other field path names one, by its index in brackets', () => {
    expect(correct(stored('InformationAccessed', accessed), supersede({ items: ['TAX_AMOUNT', 'tax amount'] }))).toMatchObject({
      refused: { code: 'INVALID_INPUT', field: 'payload.correctedData.items[1]' },
    });
  });

  it('given a stored access, when the corrected data adds a field its schema does not have, then the unknown field is named in the reason', () => {
    expect(correct(stored('InformationAccessed', accessed), supersede({ colour: 'red' }))).toEqual({
      refused: { code: 'INVALID_INPUT', field: 'payload.correctedData', reason: 'unknown field(s) colour (the corrected event must be valid as InformationAccessed version 1)' },
    });
  });

  it('given an event of a type no schema knows, when it is superseded, then it is refused: it can only be annulled', () => {
    expect(correct(stored('LegacyAccess', accessed), supersede({ purpose: '児童手当の支給' }))).toEqual({
      refused: { code: 'INVALID_INPUT', field: 'payload.eventId', reason: 'unknown event LegacyAccess version 1: only events of a known schema can be superseded (annul it instead)' },
    });
  });

  it('given an event of a version no schema knows, when it is superseded, then it is refused in the same way', () => {
    expect(correct(stored('InformationAccessed', accessed, 9), supersede({ purpose: '児童手当の支給' }))).toMatchObject({ refused: { code: 'INVALID_INPUT', field: 'payload.eventId' } });
  });

  it('given an event of a type no schema knows, when it is annulled, then it is annulled, its subject and organization read from its raw data', () => {
    expect(correct(stored('LegacyAccess', accessed), annul)).toMatchObject({
      events: [{ data: { eventType: 'LegacyAccess', action: 'ANNUL', subjectIds: [SUBJECT], organizationId: 'city' } }],
    });
  });

  it('given a correction, when it is corrected, then it is refused: the original is corrected again instead', () => {
    expect(correct(stored('EventCorrected', { eventId: EVENT_ID }), annul)).toEqual({
      refused: { code: 'INVALID_INPUT', field: 'payload.eventId', reason: 'is a correction: correct the original event again instead' },
    });
  });

  it('given an access to one subject, when it is superseded as an access to another, then the correction names both subjects, once each, in lower case', () => {
    const upper = stored('InformationAccessed', { ...accessed, subjectId: SUBJECT.toUpperCase() });
    expect(correct(upper, supersede({ subjectId: OTHER_SUBJECT }))).toMatchObject({ events: [{ data: { subjectIds: [SUBJECT, OTHER_SUBJECT] } }] });
    expect(correct(upper, supersede({ subjectId: SUBJECT }))).toMatchObject({ events: [{ data: { subjectIds: [SUBJECT] } }] });
  });

  it('given a tie between two subjects, when it is annulled, then the correction names both from the tie', () => {
    const tie = {
      linkId: 'tie-1', records: ['r-1', 'r-2'], datasets: ['city-tax', 'pension'], subjects: [SUBJECT, OTHER_SUBJECT], key: { by: 'BASIC4' }, organizationId: 'city',
      staffCode: 'S-1', purpose: '名寄せの確認', legalBasis: null, expectedCutOffAt: null, occurredAt: AT,
    };
    expect(correct(stored('RecordsLinked', tie), annul)).toMatchObject({ events: [{ data: { subjectIds: [SUBJECT, OTHER_SUBJECT], organizationId: 'city' } }] });
  });

  it('given an access by one organization, when it is superseded as another\'s, then the correction names the organization of the corrected data', () => {
    expect(correct(stored('InformationAccessed', accessed), supersede({ organizationId: 'town' }))).toMatchObject({ events: [{ data: { organizationId: 'town' } }] });
  });

  it('given a provision, when it is annulled, then the correction names the requester as the organization that acted', () => {
    const provision = informationProvided({ nonDisclosure: true }).data;
    expect(correct(stored('InformationProvided', provision), annul)).toMatchObject({ events: [{ data: { organizationId: 'city', nonDisclosure: true } }] });
  });

  it('given a provision hidden from the person, when it is superseded as shown, then the correction stays hidden with the original', () => {
    const provision = informationProvided({ nonDisclosure: true }).data;
    expect(correct(stored('InformationProvided', provision), supersede({ nonDisclosure: false }))).toMatchObject({ events: [{ data: { nonDisclosure: true } }] });
  });

  it.each([
    ['a retirement', 'IdentifierRetired', { subjectId: SUBJECT, kind: 'MY_NUMBER', fingerprint: fingerprintOf('a'), reason: 'LEAKED', retiredBy: 'town', occurredAt: AT }],
    ['a succession', 'IdentifierSucceeded', { subjectId: SUBJECT, kind: 'JPKI_AUTH_SERIAL', fingerprint: fingerprintOf('a'), successorFingerprint: fingerprintOf('b'), consentReference: null, linkedBy: 'town', occurredAt: AT }],
    ['a release of non-disclosure', 'NonDisclosureReleased', { provisionId: 'p-1', subjectId: SUBJECT, releasedBy: 'town', occurredAt: AT }],
  ])('given %s, when it is annulled, then the correction names the organization that acted, so the subject sees it', (_, type, data) => {
    expect(correct(stored(type, data), annul)).toMatchObject({ events: [{ data: { subjectIds: [SUBJECT], organizationId: 'town' } }] });
  });

  it('given an amendment, which names no organization, when it is annulled, then the correction names none', () => {
    const amended = { recordId: 'r-1', datasetId: 'city-tax', subjectId: SUBJECT, basic4: {}, reason: '転居', occurredAt: AT };
    expect(correct(stored('RecordAmended', amended), annul)).toMatchObject({ events: [{ data: { subjectIds: [SUBJECT], organizationId: null } }] });
  });

  it('given a correction stream other than the one all corrections share, when a correction is decided, then it is a programming error, not a refusal', () => {
    const elsewhere = { streamId: 'corrections-elsewhere', state: { count: 0 }, revision: 'no_stream' as const };
    expect(() => correct(stored('InformationAccessed', accessed), annul, elsewhere)).toThrow(`corrections are kept in the stream "${CORRECTIONS_STREAM}"`);
  });
});
