import { createHmac, randomUUID } from 'node:crypto';
import { DomainError, IngestCommand, myNumberCheckDigit } from '#ingestion';
import { EVENT_STORE, type EventStore } from '#event-store';
import { LogInsider } from '#event-store-postgres/testing';
import { backendName } from '../support/test-database.js';
import { IngestionFixture, MY_NUMBER, T, internalId, myNumber, registerWorld } from '../support/ingestion-fixture.js';
import { TEST_FINGERPRINT_KEY } from '../support/test-runtime.js';

const hmac = (...parts: string[]) => createHmac('sha256', TEST_FINGERPRINT_KEY).update(parts.join('\u001f')).digest('hex');

describe(`ingestion through the CommandBus on ${backendName}`, () => {
  let f: IngestionFixture;
  let subjectId: string;

  beforeAll(async () => {
    f = await IngestionFixture.start();
    await registerWorld(f);
    const enrolled = await f.send('EnrollSubject', {
      enrolledBy: 'city-yokohama',
      identifiers: [myNumber, internalId],
      occurredAt: T(2),
    });
    subjectId = enrolled.events[0]!.streamId.slice('subject-'.length);
    await f.send('IssueIdentifier', { issuedBy: 'jps', subject: myNumber, identifier: { kind: 'PENSION_NUMBER', value: '1234-567890' }, occurredAt: T(2) });
    await f.send('IssueIdentifier', { issuedBy: 'jps', subject: myNumber, identifier: { kind: 'AGENCY_CODE', value: 'JPS-AC-77', scope: 'jps' }, occurredAt: T(2) });
    await f.send('IssueIdentifier', { issuedBy: 'points-co', subject: myNumber, identifier: { kind: 'MEMBER_NUMBER', value: 'm-0042', scope: 'points-co' }, occurredAt: T(2) });
    await f.send('RegisterRecord', {
      recordId: 'rec-tax-1', datasetId: 'yokohama-resident-tax', subject: internalId, identifiers: [myNumber, internalId],
      basic4: { nameKanji: '髙橋　一郎', nameKana: 'タカハシ イチロウ', birthDate: '昭和60年1月2日', sex: 'MALE', address: '神奈川県横浜市中区港町一丁目1番地' },
      occurredAt: T(3),
    });
    await f.send('RegisterRecord', {
      recordId: 'rec-pension-1', datasetId: 'jps-pension', subject: { kind: 'PENSION_NUMBER', value: '1234567890' },
      basic4: { nameKanji: '高橋一郎', birthDate: '1985-01-02', sex: 'MALE' }, occurredAt: T(3),
    });
    await f.send('RegisterRecord', {
      recordId: 'rec-points-1', datasetId: 'points-members', subject: { kind: 'MEMBER_NUMBER', value: 'M-0042', scope: 'points-co' },
      basic4: { nameKana: 'たかはし いちろう', birthDate: '1985/01/02', address: '横浜市中区港町1-1' }, occurredAt: T(3),
    });
  });
  afterAll(() => f.close());

  describe('a whole life of events', () => {
    it('stores every event type once, with its sender and command in the metadata', async () => {
      const linkId = `link-${randomUUID()}`;
      await f.send('LinkRecords', {
        linkId, organizationId: 'jps', staffCode: 'S-001', records: ['rec-pension-1', 'rec-tax-1'], key: { by: 'IDENTIFIER', identifierKind: 'AGENCY_CODE' },
        purpose: '保険料免除の審査', legalBasis: '番号法第19条第8号', expectedCutOffAt: T(30), occurredAt: T(4),
      });
      await f.send('UnlinkRecords', { linkId, organizationId: 'jps', staffCode: 'S-001', reason: '審査完了', occurredAt: T(5) });
      await f.send('ProvideInformation', {
        provisionId: `prov-${randomUUID()}`, requesterId: 'jps', providerId: 'city-yokohama', subject: myNumber, items: ['INCOME'],
        procedure: '国民年金保険料の免除に関する事務', legalBasis: '番号法別表第二 第37項', requestedAt: T(4, 9), providedAt: T(4, 10), outcome: 'PROVIDED', nonDisclosure: true,
      });
      const provisionId = `prov-${randomUUID()}`;
      await f.send('ProvideInformation', {
        provisionId, requesterId: 'jps', providerId: 'city-yokohama', subject: myNumber, items: ['INCOME'], procedure: '国民年金保険料の免除に関する事務',
        legalBasis: '番号法別表第二 第37項', requestedAt: T(6), providedAt: T(6, 10), outcome: 'PROVIDED', nonDisclosure: true,
      });
      await f.send('ReleaseNonDisclosure', { provisionId, releasedBy: 'city-yokohama', occurredAt: T(7) });
      await f.send('AccessInformation', {
        accessId: `acc-${randomUUID()}`, organizationId: 'city-yokohama', staffCode: 'Y-123', subject: internalId, datasetId: 'yokohama-resident-tax',
        items: ['TAX_AMOUNT'], purpose: '課税額の確認', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: T(8),
      });
      await f.send('GrantConsent', { consentId: 'consent-1', subject: myNumber, organizationId: 'points-co', scope: '会員情報', purpose: '提携先への提供', occurredAt: T(9) });
      await f.send('WithdrawConsent', { consentId: 'consent-1', subject: myNumber, occurredAt: T(10) });
      await f.send('AmendRecord', { recordId: 'rec-points-1', basic4: { address: '横浜市西区みなとみらい2-2-1' }, reason: '転居', occurredAt: T(11) });
      const jpki = { kind: 'JPKI_SIGN_SERIAL', value: '0011223344' };
      const jpkiNext = { kind: 'JPKI_SIGN_SERIAL', value: '0011223399' };
      await f.send('IssueIdentifier', { issuedBy: 'city-yokohama', subject: myNumber, identifier: { ...jpki, validUntil: '2029-04-02T00:00:00+09:00' }, occurredAt: T(2) });
      await f.send('IssueIdentifier', { issuedBy: 'city-yokohama', subject: myNumber, identifier: jpkiNext, occurredAt: T(12) });
      await f.send('LinkIdentifierSuccessor', { linkedBy: 'city-yokohama', identifier: jpki, successor: jpkiNext, consentReference: 'consent-jpki-1', occurredAt: T(12) });
      await f.send('RetireIdentifier', { retiredBy: 'city-yokohama', identifier: jpki, reason: 'ROTATED', occurredAt: T(13) });

      const types = [...new Set((await new LogInsider(f.database.pool).storedEvents()).map((e) => e.event_type))].sort();
      expect(types).toEqual([
        'ConsentGranted', 'ConsentWithdrawn', 'DatasetRegistered', 'IdentifierIssued', 'IdentifierRetired', 'IdentifierSucceeded',
        'InformationAccessed', 'InformationProvided', 'NonDisclosureReleased', 'OrganizationRegistered', 'PermittedProvisionRegistered',
        'RecordAmended', 'RecordRegistered', 'RecordsLinked', 'RecordsUnlinked', 'SubjectEnrolled',
      ]);
      const [linked, unlinked] = await f.eventsOf(`link-${linkId}`);
      expect(linked).toMatchObject({
        type: 'RecordsLinked',
        data: { records: ['rec-pension-1', 'rec-tax-1'], datasets: ['jps-pension', 'yokohama-resident-tax'], subjects: [subjectId, subjectId], occurredAt: '2024-04-04T00:00:00.000Z' },
        metadata: { sender: 'operator:test', commandType: 'LinkRecords' },
      });
      expect(unlinked).toMatchObject({ type: 'RecordsUnlinked', data: { reason: '審査完了', records: ['rec-pension-1', 'rec-tax-1'] } });
    });
  });

  describe('privacy at the edge', () => {
    it('keeps keyed fingerprints of identifiers, never the number', async () => {
      const [issued] = (await f.eventsOf(`identifier-${hmac('identifier', 'MY_NUMBER', '', MY_NUMBER)}`)) ;
      expect(issued).toMatchObject({ type: 'IdentifierIssued', data: { subjectId, kind: 'MY_NUMBER', scope: null } });
    });

    it('fingerprints names so that 髙橋 and 高橋 differ at NFKC and agree at VARIANT, stably', async () => {
      const [tax] = await f.eventsOf('record-rec-tax-1');
      const [pension] = await f.eventsOf('record-rec-pension-1');
      const a = (tax!.data.basic4 as Record<string, Record<string, string>>).nameKanji!;
      const b = (pension!.data.basic4 as Record<string, Record<string, string>>).nameKanji!;
      expect(a.NFKC).not.toBe(b.NFKC);
      expect(a.KANA).not.toBe(b.KANA);
      expect(a.VARIANT).toBe(b.VARIANT);
      // Recomputed from the definition: HMAC-SHA-256(key, "basic4␟nameKanji␟VARIANT␟高橋一郎").
      expect(b.VARIANT).toBe(hmac('basic4', 'nameKanji', 'VARIANT', '高橋一郎'));
      expect(a.RAW).toBe(hmac('basic4', 'nameKanji', 'RAW', '髙橋　一郎'));
    });

    it('generalizes birth dates and addresses: 和暦 and 西暦 agree, a city without its prefecture agrees at the municipality', async () => {
      const [tax] = await f.eventsOf('record-rec-tax-1');
      const [points] = await f.eventsOf('record-rec-points-1');
      const basic4 = (e: { data: Record<string, unknown> } | undefined) => e!.data.basic4 as Record<string, Record<string, string>>;
      expect(basic4(tax).birthDate).toEqual(basic4(points).birthDate);
      expect(basic4(tax).birthDate!.DAY).toBe(hmac('basic4', 'birthDate', 'DAY', '1985-01-02'));
      expect(basic4(tax).address!.MUNICIPALITY).toBe(basic4(points).address!.MUNICIPALITY);
      expect(basic4(tax).address!.PREFECTURE).toBe(hmac('basic4', 'address', 'PREFECTURE', '神奈川県'));
    });

    it('stores none of the raw names, numbers and addresses it was given', async () => {
      const dump = (await new LogInsider(f.database.pool).storedEvents()).map((e) => `${e.stream_id} ${JSON.stringify(e.data)} ${JSON.stringify(e.metadata)}`).join('\n');
      for (const raw of [MY_NUMBER, '1234567890', '1234-567890', 'JPS-AC-77', 'M-0042', 'Y-0001', '髙橋', '高橋', 'タカハシ', 'たかはし', '一郎', '港町', '1985', '昭和60']) {
        expect(dump).not.toContain(raw);
      }
    });
  });

  describe('invariants: refused with the field and the reason, nothing stored', () => {
    const refused = async (type: Parameters<IngestionFixture['send']>[0], payload: Record<string, unknown>, field: string, reason: RegExp, code?: string) => {
      const before = await f.eventCount();
      const error = await f.send(type, payload).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ field, ...(code ? { code } : {}) });
      expect((error as DomainError).reason).toMatch(reason);
      expect(await f.eventCount()).toBe(before);
    };

    it('a tie to an unregistered record', () =>
      refused('LinkRecords', {
        linkId: 'link-x', organizationId: 'jps', staffCode: 'S-1', records: ['rec-tax-1', 'rec-nowhere'], key: { by: 'BASIC4' }, purpose: '確認', occurredAt: T(4),
      }, 'payload.records[1]', /no record "rec-nowhere"/, 'NOT_FOUND'));

    it('a cut of a tie that is already cut', async () => {
      await f.send('LinkRecords', { linkId: 'link-once', organizationId: 'jps', staffCode: 'S-1', records: ['rec-tax-1', 'rec-pension-1'], key: { by: 'BASIC4' }, purpose: '確認', occurredAt: T(4) });
      await f.send('UnlinkRecords', { linkId: 'link-once', organizationId: 'jps', staffCode: 'S-1', reason: '完了', occurredAt: T(5) });
      await refused('UnlinkRecords', { linkId: 'link-once', organizationId: 'jps', staffCode: 'S-1', reason: 'again', occurredAt: T(6) }, 'payload.linkId', /already cut/, 'INVARIANT');
    });

    it('a cut of a tie that never existed', () =>
      refused('UnlinkRecords', { linkId: 'link-never', organizationId: 'jps', staffCode: 'S-1', reason: 'x', occurredAt: T(6) }, 'payload.linkId', /no tie/, 'NOT_FOUND'));

    it('a provision naming an unregistered organization', () =>
      refused('ProvideInformation', {
        provisionId: 'p-x', requesterId: 'nobody', providerId: 'city-yokohama', subject: myNumber, items: ['INCOME'], procedure: 'x', legalBasis: 'y',
        requestedAt: T(4), providedAt: T(4, 10), outcome: 'PROVIDED',
      }, 'payload.requesterId', /no organization "nobody"/, 'NOT_FOUND'));

    it('a retired identifier issued again', async () => {
      const serial = { kind: 'JPKI_AUTH_SERIAL', value: '99887766' };
      await f.send('IssueIdentifier', { issuedBy: 'city-yokohama', subject: myNumber, identifier: serial, occurredAt: T(2) });
      await f.send('RetireIdentifier', { retiredBy: 'city-yokohama', identifier: serial, reason: 'LEAKED', occurredAt: T(3) });
      await refused('IssueIdentifier', { issuedBy: 'city-yokohama', subject: myNumber, identifier: serial, occurredAt: T(4) }, 'payload.identifier', /retired and is never issued again/, 'INVARIANT');
    });

    it('consent withdrawn that was never granted', () =>
      refused('WithdrawConsent', { consentId: 'consent-never', subject: myNumber, occurredAt: T(4) }, 'payload.consentId', /never granted/, 'NOT_FOUND'));

    it('a dataset whose holder is not registered, and a dataset registered twice', async () => {
      const dataset = { datasetId: 'ds-x', holderId: 'nobody', name: 'x', purpose: 'y', domain: 'TAX', keyedBy: [], basic4Fields: [], occurredAt: T(1) };
      await refused('RegisterDataset', dataset, 'payload.holderId', /no organization "nobody"/, 'NOT_FOUND');
      await refused('RegisterDataset', { ...dataset, datasetId: 'jps-pension', holderId: 'jps' }, 'payload.datasetId', /already registered/, 'INVARIANT');
    });

    it('a retirement of an identifier nobody was issued', () =>
      refused('RetireIdentifier', { retiredBy: 'city-yokohama', identifier: { kind: 'JPKI_SIGN_SERIAL', value: 'NEVER-ISSUED' }, reason: 'LEAKED', occurredAt: T(4) },
        'payload.identifier', /no subject is enrolled/, 'NOT_FOUND'));

    it('a successor of another kind, or belonging to nobody', async () => {
      await refused('LinkIdentifierSuccessor', { linkedBy: 'city-yokohama', identifier: myNumber, successor: { kind: 'JPKI_SIGN_SERIAL', value: 'NOBODY-1' }, occurredAt: T(4) },
        'payload.successor', /no subject is enrolled/, 'NOT_FOUND');
      await refused('LinkIdentifierSuccessor', { linkedBy: 'city-yokohama', identifier: myNumber, successor: internalId, occurredAt: T(4) },
        'payload.successor', /same kind/, 'INVARIANT');
    });

    it('an amendment of a record that does not exist, or that amends nothing', async () => {
      await refused('AmendRecord', { recordId: 'rec-none', basic4: { nameKanji: '山田' }, reason: '訂正', occurredAt: T(4) }, 'payload.recordId', /no record "rec-none"/, 'NOT_FOUND');
      await refused('AmendRecord', { recordId: 'rec-tax-1', basic4: {}, reason: '訂正', occurredAt: T(4) }, 'payload.basic4', /at least one field/, 'INVALID_INPUT');
    });

    it('a release of a provision that was never under the flag', async () => {
      const provisionId = `prov-${randomUUID()}`;
      await f.send('ProvideInformation', {
        provisionId, requesterId: 'jps', providerId: 'city-yokohama', subject: myNumber, items: ['INCOME'], procedure: 'x', legalBasis: 'y',
        requestedAt: T(4), providedAt: T(4, 10), outcome: 'PROVIDED',
      });
      await refused('ReleaseNonDisclosure', { provisionId, releasedBy: 'city-yokohama', occurredAt: T(5) }, 'payload.provisionId', /not under a non-disclosure flag/, 'INVARIANT');
      await refused('ReleaseNonDisclosure', { provisionId: 'prov-none', releasedBy: 'city-yokohama', occurredAt: T(5) }, 'payload.provisionId', /no provision/, 'NOT_FOUND');
    });

    it('a consent granted twice', async () => {
      const consent = { consentId: `consent-${randomUUID()}`, subject: myNumber, organizationId: 'points-co', scope: '会員情報', purpose: '分析', occurredAt: T(4) };
      await f.send('GrantConsent', consent);
      await refused('GrantConsent', consent, 'payload.consentId', /already granted/, 'INVARIANT');
    });

    it('a record with a basic-4 field its dataset does not hold', () =>
      refused('RegisterRecord', { recordId: 'rec-x', datasetId: 'jps-pension', subject: myNumber, basic4: { address: '東京都千代田区1-1' }, occurredAt: T(3) },
        'payload.basic4.address', /not registered as holding ADDRESS/));
  });

  describe('bad input', () => {
    const refused = async (type: Parameters<IngestionFixture['send']>[0], payload: Record<string, unknown>, field: string, reason: RegExp) => {
      const before = await f.eventCount();
      const error = await f.send(type, payload).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field });
      expect((error as DomainError).reason).toMatch(reason);
      expect(await f.eventCount()).toBe(before);
    };

    it('a My Number whose check digit is wrong', () =>
      refused('EnrollSubject', { enrolledBy: 'city-yokohama', identifiers: [{ kind: 'MY_NUMBER', value: '123456789017' }], occurredAt: T(2) },
        'payload.identifiers[0].value', /check digit/));
    it('an impossible birth date', () =>
      refused('RegisterRecord', { recordId: 'rec-y', datasetId: 'jps-pension', subject: myNumber, basic4: { birthDate: '2023-02-29' }, occurredAt: T(3) },
        'payload.basic4.birthDate', /.+/));
    it('an impossible time', () =>
      refused('RegisterOrganization', { organizationId: 'o-x', name: 'x', kind: 'TAX', domains: ['TAX'], occurredAt: '2024-13-01T00:00:00Z' }, 'payload.occurredAt', /2024-13-01 is not a calendar date/));
    it('an over-long field', () =>
      refused('RegisterOrganization', { organizationId: 'o-x', name: 'あ'.repeat(201), kind: 'TAX', domains: ['TAX'], occurredAt: T(1) }, 'payload.name', /at most 200/));
    it('an unknown field', () =>
      refused('RegisterOrganization', { organizationId: 'o-x', name: 'x', kind: 'TAX', domains: ['TAX'], occurredAt: T(1), extra: 1 }, 'payload', /unknown field\(s\) extra/));
    it('a scoped identifier without its scope', () =>
      refused('IssueIdentifier', { issuedBy: 'jps', subject: myNumber, identifier: { kind: 'MEMBER_NUMBER', value: 'x1' }, occurredAt: T(2) }, 'payload.identifier.scope', /give its scope/));
    it('an unknown command type and a command id that is not a UUID', async () => {
      await expect(f.bus.execute(new IngestCommand({ commandId: randomUUID(), type: 'DropTables', payload: {} }, 'operator:test'))).rejects.toMatchObject({ field: 'type' });
      await expect(f.bus.execute(new IngestCommand({ commandId: 'abc', type: 'RegisterOrganization', payload: {} }, 'operator:test'))).rejects.toMatchObject({ field: 'commandId' });
    });
  });

  describe('who may send what', () => {
    it('an organization writes only events it is party to', async () => {
      const before = await f.eventCount();
      const access = { accessId: 'acc-forbidden', organizationId: 'city-yokohama', staffCode: 'Y-1', subject: myNumber, datasetId: 'yokohama-resident-tax', items: ['TAX_AMOUNT'], purpose: '確認', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: T(8) };
      const asPoints = new IngestCommand({ commandId: randomUUID(), type: 'AccessInformation', payload: access }, 'organization:points-co');
      await expect(f.bus.execute(asPoints)).rejects.toMatchObject({ code: 'FORBIDDEN', field: 'payload.organizationId' });
      const record = { recordId: 'rec-forbidden', datasetId: 'yokohama-resident-tax', subject: myNumber, basic4: {}, occurredAt: T(3) };
      const recordAsJps = new IngestCommand({ commandId: randomUUID(), type: 'RegisterRecord', payload: record }, 'organization:jps');
      await expect(f.bus.execute(recordAsJps)).rejects.toMatchObject({ code: 'FORBIDDEN', field: 'payload.datasetId' });
      expect(await f.eventCount()).toBe(before);
      const asCity = new IngestCommand({ commandId: randomUUID(), type: 'AccessInformation', payload: access }, 'organization:city-yokohama');
      await expect(f.bus.execute(asCity)).resolves.toMatchObject({ applied: true });
    });

    it('an organization releases a non-disclosure flag, makes a tie or cuts one only where it is a party', async () => {
      const as = (organization: string, type: Parameters<IngestionFixture['send']>[0], payload: Record<string, unknown>) =>
        f.bus.execute(new IngestCommand({ commandId: randomUUID(), type, payload }, `organization:${organization}`));
      const provisionId = `prov-${randomUUID()}`;
      await f.send('ProvideInformation', {
        provisionId, requesterId: 'jps', providerId: 'city-yokohama', subject: myNumber, items: ['INCOME'], procedure: 'x', legalBasis: 'y',
        requestedAt: T(4), providedAt: T(4, 10), outcome: 'PROVIDED', nonDisclosure: true,
      });
      const linkId = `link-${randomUUID()}`;
      const before = await f.eventCount();

      // points-co is no party to the provision, holds neither record, and neither made the tie nor holds its records.
      await expect(as('points-co', 'ReleaseNonDisclosure', { provisionId, releasedBy: 'points-co', occurredAt: T(5) }))
        .rejects.toMatchObject({ code: 'FORBIDDEN', field: 'payload.releasedBy', reason: expect.stringMatching(/not party to provision/) });
      await expect(as('points-co', 'LinkRecords', { linkId, organizationId: 'points-co', staffCode: 'P-1', records: ['rec-tax-1', 'rec-pension-1'], key: { by: 'BASIC4' }, purpose: '照合', occurredAt: T(5) }))
        .rejects.toMatchObject({ code: 'FORBIDDEN', field: 'payload.records', reason: expect.stringMatching(/holds neither record/) });
      expect(await f.eventCount()).toBe(before);

      await as('jps', 'LinkRecords', { linkId, organizationId: 'jps', staffCode: 'S-1', records: ['rec-tax-1', 'rec-pension-1'], key: { by: 'BASIC4' }, purpose: '照合', occurredAt: T(5) });
      const tied = await f.eventCount();
      await expect(as('points-co', 'UnlinkRecords', { linkId, organizationId: 'points-co', staffCode: 'P-1', reason: '不要', occurredAt: T(6) }))
        .rejects.toMatchObject({ code: 'FORBIDDEN', field: 'payload.organizationId', reason: expect.stringMatching(/neither made tie/) });
      expect(await f.eventCount()).toBe(tied);

      // The city did not make the tie but holds one of its records, so it may cut it; the provider may release its provision.
      await expect(as('city-yokohama', 'UnlinkRecords', { linkId, organizationId: 'city-yokohama', staffCode: 'Y-1', reason: '利用終了', occurredAt: T(6) })).resolves.toMatchObject({ applied: true });
      await expect(as('city-yokohama', 'ReleaseNonDisclosure', { provisionId, releasedBy: 'city-yokohama', occurredAt: T(6) })).resolves.toMatchObject({ applied: true });
    });

    it('an identifier is retired only by its issuer or the organization it is scoped to, and a My Number also by a municipality', async () => {
      const as = (organization: string, payload: Record<string, unknown>) =>
        f.bus.execute(new IngestCommand({ commandId: randomUUID(), type: 'RetireIdentifier', payload: { reason: 'LEAKED', occurredAt: T(9), ...payload, retiredBy: organization } }, `organization:${organization}`));
      const first11 = '98765432101';
      const otherMyNumber = { kind: 'MY_NUMBER', value: first11 + myNumberCheckDigit(first11) };
      await f.send('EnrollSubject', { enrolledBy: 'jps', identifiers: [otherMyNumber], occurredAt: T(2) });
      const pension = { kind: 'PENSION_NUMBER', value: '9999-000001' };
      await f.send('IssueIdentifier', { issuedBy: 'jps', subject: otherMyNumber, identifier: pension, occurredAt: T(2) });
      const before = await f.eventCount();

      await expect(as('points-co', { identifier: myNumber })).rejects.toMatchObject({ code: 'FORBIDDEN', field: 'payload.retiredBy', reason: expect.stringMatching(/neither issued this MY_NUMBER nor holds its scope, and is no municipality/) });
      await expect(as('points-co', { identifier: { kind: 'MEMBER_NUMBER', value: 'm-0042', scope: 'points-co' } })).resolves.toMatchObject({ applied: true });
      await expect(as('city-yokohama', { identifier: pension })).rejects.toMatchObject({ code: 'FORBIDDEN', field: 'payload.retiredBy' });
      await expect(as('jps', { identifier: pension })).resolves.toMatchObject({ applied: true });
      // jps issued this My Number; the municipality of residence changes it all the same (番号法第7条第2項).
      await expect(as('city-yokohama', { identifier: otherMyNumber })).resolves.toMatchObject({ applied: true });
      expect(await f.eventCount()).toBe(before + 3);
    });

    it('only operators register rows of the permitted-provision table', async () => {
      const row = { permittedProvisionId: 'row-x', requesterId: 'jps', providerId: 'city-yokohama', procedure: 'x', items: ['INCOME'], legalBasis: 'y', occurredAt: T(1) };
      await expect(f.bus.execute(new IngestCommand({ commandId: randomUUID(), type: 'RegisterPermittedProvision', payload: row }, 'organization:jps'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('idempotent retries and atomic batches', () => {
    it('a command sent twice is stored once and answers the same events', async () => {
      const commandId = randomUUID();
      const payload = { accessId: 'acc-retry', organizationId: 'city-yokohama', staffCode: 'Y-1', subject: myNumber, datasetId: 'yokohama-resident-tax', items: ['TAX_AMOUNT'], purpose: '確認', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: T(8) };
      const first = await f.send('AccessInformation', payload, commandId);
      const before = await f.eventCount();
      const retry = await f.send('AccessInformation', payload, commandId);
      expect(first.applied).toBe(true);
      expect(retry).toEqual({ ...first, applied: false });
      expect(await f.eventCount()).toBe(before);
      // The transaction it answers is the one its events were stored in: what a reader waits for.
      const stored = await f.context.get<EventStore>(EVENT_STORE).readEvents(first.events.map((e) => e.eventId));
      expect(stored.length).toBe(first.events.length);
      expect(stored.map((e) => e.transactionId)).toEqual(stored.map(() => first.transactionId));
    });

    it('a retried cut answers its first result instead of "already cut"', async () => {
      await f.send('LinkRecords', { linkId: 'link-retry', organizationId: 'jps', staffCode: 'S-1', records: ['rec-tax-1', 'rec-pension-1'], key: { by: 'BASIC4' }, purpose: '確認', occurredAt: T(4) });
      const commandId = randomUUID();
      const cut = { linkId: 'link-retry', organizationId: 'jps', staffCode: 'S-1', reason: '完了', occurredAt: T(5) };
      const first = await f.send('UnlinkRecords', cut, commandId);
      expect(await f.send('UnlinkRecords', cut, commandId)).toEqual({ ...first, applied: false });
    });

    it('a batch is stored whole or not at all, and later commands see earlier ones of the batch', async () => {
      const before = await f.eventCount();
      const org = { organizationId: 'batch-org', name: '一括', kind: 'EMPLOYER', domains: ['PRIVATE'], occurredAt: T(1) };
      const refused = await f.sendBatch([
        { type: 'RegisterOrganization', payload: org },
        { type: 'RegisterDataset', payload: { datasetId: 'batch-ds', holderId: 'batch-org', name: '従業員台帳', purpose: '給与', domain: 'PRIVATE', keyedBy: [], basic4Fields: [], occurredAt: T(1) } },
        { type: 'UnlinkRecords', payload: { linkId: 'link-never', organizationId: 'batch-org', staffCode: 'S', reason: 'x', occurredAt: T(2) } },
      ]);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.errors.map((e) => [e.index, e.error.field])).toEqual([[2, 'payload.linkId']]);
      expect(await f.eventCount()).toBe(before);

      const stored = await f.sendBatch([
        { type: 'RegisterOrganization', payload: org },
        { type: 'RegisterDataset', payload: { datasetId: 'batch-ds', holderId: 'batch-org', name: '従業員台帳', purpose: '給与', domain: 'PRIVATE', keyedBy: [], basic4Fields: [], occurredAt: T(1) } },
      ]);
      expect(stored.ok && stored.results.map((r) => r.events.length)).toEqual([1, 1]);
      expect(await f.eventCount()).toBe(before + 2);
    });

  });
});
