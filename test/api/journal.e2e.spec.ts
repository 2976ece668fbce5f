import { spawn } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DATABASE, type Database } from '#database';
import { setHeadAgeLimit, verifyProofDocument } from '#journal';
import { ProjectionRunner } from '#projections';
import { LogInsider } from '#event-store-postgres/testing';
import { JournalSealing } from '#app';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { startTestApi } from '../support/test-api.js';
import { T } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';
import { sealedAll } from '../journal/journal-support.js';

const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');
const HEAD = `treeSize rootHash timestamp keyId signature signedMessage`;
const JOURNAL = `{ journal { publicKey keyId sealedSize document latestHead { ${HEAD} } } }`;
const INCLUSION = `query ($eventId: ID!, $treeSize: BigInt) { inclusionProof(eventId: $eventId, treeSize: $treeSize) { eventId leafIndex leaf leafHash auditPath head { ${HEAD} } document } }`;
const CONSISTENCY = `query ($from: BigInt!, $to: BigInt!) { consistencyProof(fromSize: $from, toSize: $to) { fromSize toSize fromRoot toRoot proof fromHead { treeSize } toHead { treeSize } document } }`;

/** `himotoki verify --proof FILE` in a child process that has no database to reach. */
function verifyOffline(file: string): Promise<number | null> {
  const { DATABASE_URL: _, HIMOTOKI_DATA_DIR: __, ...inherited } = process.env;
  const child = spawn(process.execPath, [CLI, 'verify', '--proof', file], { env: { ...inherited, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, stdio: 'ignore' });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe(`the journal over GraphQL end to end on ${backendName}`, () => {
  let app: INestApplication;
  let api: GraphQLClient;
  let tokens: Record<'auditor' | 'operator' | 'city' | 'points' | 'subject' | 'otherSubject', string>;
  let events: { registered: string; enrolled: string; accessed: string };
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'himotoki-journal-e2e-'));
    const started = await startTestApi();
    ({ app, api } = started);
    const { mint } = started;
    const operator = api.as(await mint.operator());
    const registered = ok(await operator.mutate('registerOrganization', { organizationId: 'city', name: '横浜市', kind: 'MUNICIPALITY', domains: ['TAX'], occurredAt: T(1) }));
    ok(await operator.mutate('registerOrganization', { organizationId: 'points', name: 'ポイント株式会社', kind: 'PRIVATE_BUSINESS', domains: ['PRIVATE'], occurredAt: T(1) }));
    const city = api.as(await mint.organization('city'));
    ok(await city.mutate('registerDataset', { datasetId: 'city-tax', holderId: 'city', name: '課税台帳', purpose: '住民税の賦課', domain: 'TAX', keyedBy: ['INTERNAL_ID'], basic4Fields: ['NAME_KANJI'], occurredAt: T(1) }));
    const subject = { kind: 'INTERNAL_ID', value: 'Y-1', scope: 'city' };
    const enrolled = ok(await city.mutate('enrollSubject', { enrolledBy: 'city', identifiers: [subject], occurredAt: T(2) }));
    const subjectId = enrolled.enrollSubject!.events[0]!.streamId.slice('subject-'.length);
    const accessed = ok(await city.mutate('accessInformation', { accessId: 'a-1', organizationId: 'city', staffCode: 'C-2', subject, datasetId: 'city-tax', items: ['TAX_AMOUNT'], purpose: '住民税の賦課', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: T(8) }));
    events = { registered: registered.registerOrganization!.events[0]!.eventId, enrolled: enrolled.enrollSubject!.events[0]!.eventId, accessed: accessed.accessInformation!.events[0]!.eventId };
    tokens = {
      auditor: await mint.auditor(),
      operator: await mint.operator(),
      city: await mint.organization('city'),
      points: await mint.organization('points'),
      subject: await mint.subject(subjectId),
      otherSubject: await mint.subject('00000000-0000-4000-8000-000000000001', 'someone'),
    };
    await settled(app.get(ProjectionRunner));
    await sealedAll(app.get<Database>(DATABASE), () => app.get(JournalSealing).catchUp());
  });

  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the public key and the newest signed head to every role, and to no one without a token', async () => {
    for (const role of ['auditor', 'operator', 'city', 'subject'] as const) {
      const { journal } = ok(await api.as(tokens[role]).request(JOURNAL));
      const head = journal.latestHead;
      expect(Number(head.treeSize)).toBeGreaterThanOrEqual(6);
      expect(journal.sealedSize).toBe(head.treeSize);
      const key = createPublicKey(journal.publicKey);
      expect(verify(null, Buffer.from(head.signedMessage, 'utf8'), key, Buffer.from(head.signature, 'base64'))).toBe(true);
      expect(JSON.parse(head.signedMessage)).toEqual({ log: 'himotoki-journal/v1', rootHash: head.rootHash, timestamp: head.timestamp, treeSize: Number(head.treeSize) });
      expect(head.keyId).toBe(journal.keyId);
      expect(verifyProofDocument(journal.document, key).valid).toBe(true);
    }
    expect((await api.request(JOURNAL)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives inclusion proofs by the role rules, each verifiable offline by himotoki verify --proof', async () => {
    const allowed: [keyof typeof tokens, string][] = [
      ['auditor', events.registered],
      ['operator', events.registered],
      ['city', events.accessed],
      ['subject', events.accessed],
      ['subject', events.enrolled],
    ];
    for (const [who, eventId] of allowed) {
      const { inclusionProof } = ok(await api.as(tokens[who]).request(INCLUSION, { eventId }));
      expect(inclusionProof.eventId).toBe(eventId);
      expect(JSON.parse(inclusionProof.leaf).eventId).toBe(eventId);
      expect(inclusionProof.document).toMatchObject({ kind: 'inclusion', leafHash: inclusionProof.leafHash, auditPath: inclusionProof.auditPath });
      const file = join(dir, `${who}-${eventId}.json`);
      await writeFile(file, JSON.stringify(inclusionProof.document));
      expect(await verifyOffline(file)).toBe(0);
    }
    const refused: [keyof typeof tokens, string, string][] = [
      ['points', events.accessed, 'an organization gets proofs only of events in its own activity'],
      ['subject', events.registered, 'a subject gets proofs only of events about themselves'],
      ['otherSubject', events.accessed, 'a subject gets proofs only of events about themselves'],
      ['operator', events.enrolled, 'an operator gets proofs only of events about no one'],
      ['operator', events.accessed, 'an operator gets proofs only of events about no one'],
    ];
    for (const [who, eventId, message] of refused) {
      const answer = await api.as(tokens[who]).request(INCLUSION, { eventId });
      expect(answer.errors?.[0]).toMatchObject({ message: expect.stringContaining(message), extensions: { code: 'FORBIDDEN' } });
    }
    const bad = await api.as(tokens.auditor).request(INCLUSION, { eventId: 'not-a-uuid' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventId' });
    const unknown = await api.as(tokens.auditor).request(INCLUSION, { eventId: '00000000-0000-4000-8000-00000000abcd' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const noHead = await api.as(tokens.auditor).request(INCLUSION, { eventId: events.registered, treeSize: '3' });
    expect(noHead.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'treeSize', reason: 'no head was signed at size 3' });
  });

  it('records an auditor\'s proof of an event about a subject in that subject\'s history, whether or not the event is a line of it', async () => {
    const audits = async () => {
      await settled(app.get(ProjectionRunner));
      const { me } = ok(await api.as(tokens.subject).request(`{ me(first: 500, filter: { kinds: [AUDIT] }) { edges { node { purpose } } } }`));
      return me.edges.filter((e: any) => e.node.purpose === '記録が改ざんされていないことの検証').length;
    };
    const before = await audits();
    ok(await api.as(tokens.auditor).request(INCLUSION, { eventId: events.accessed }));
    expect(await audits()).toBe(before + 1);
    // The enrolment is no line of the history, but its leaf names the subject.
    ok(await api.as(tokens.auditor).request(INCLUSION, { eventId: events.enrolled }));
    expect(await audits()).toBe(before + 2);
  });

  it('gives consistency proofs between any sealed sizes, with the heads signed at them', async () => {
    await sealedAll(app.get<Database>(DATABASE), () => app.get(JournalSealing).catchUp());
    const { journal } = ok(await api.as(tokens.city).request(JOURNAL));
    const { consistencyProof } = ok(await api.as(tokens.subject).request(CONSISTENCY, { from: '2', to: journal.latestHead.treeSize }));
    expect(consistencyProof).toMatchObject({ fromSize: '2', toSize: journal.latestHead.treeSize, fromHead: null, toHead: { treeSize: journal.latestHead.treeSize } });
    const file = join(dir, 'consistency.json');
    await writeFile(file, JSON.stringify(consistencyProof.document));
    expect(await verifyOffline(file)).toBe(0);
    await writeFile(file, JSON.stringify({ ...consistencyProof.document, fromRoot: consistencyProof.toRoot }));
    expect(await verifyOffline(file)).toBe(1);
    for (const [from, to, field, reason] of [
      ['-1', '2', 'fromSize', 'must be a tree size (an integer ≥ 0)'],
      ['3', '2', 'fromSize', 'must not exceed toSize (2)'],
      ['1', '99999999', 'toSize', `99999999 exceeds the ${journal.sealedSize} events sealed so far`],
    ]) {
      const answer = await api.as(tokens.auditor).request(CONSISTENCY, { from, to });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
  });

  it('fail-closed: a write is refused with UNAVAILABLE while the newest head is too old, and nothing is stored', async () => {
    const { pool } = app.get<Database>(DATABASE);
    const count = () => new LogInsider(pool).count();
    const before = await count();
    // A limit of a millisecond: every head is too old by the time the write arrives.
    await setHeadAgeLimit(pool, 0.001);
    try {
      const city = api.as(tokens.city);
      const answer = await city.mutate('registerDataset', { datasetId: 'city-welfare', holderId: 'city', name: '福祉台帳', purpose: '福祉', domain: 'SOCIAL_SECURITY', keyedBy: ['INTERNAL_ID'], basic4Fields: ['NAME_KANJI'], occurredAt: T(9) });
      expect(answer.errors?.[0]).toMatchObject({ message: expect.stringContaining('new events are refused (fail-closed)'), extensions: { code: 'UNAVAILABLE', reason: 'JOURNAL_HEAD_STALE' } });
      expect(await count()).toBe(before);
      await setHeadAgeLimit(pool, 60);
      ok(await city.mutate('registerDataset', { datasetId: 'city-welfare', holderId: 'city', name: '福祉台帳', purpose: '福祉', domain: 'SOCIAL_SECURITY', keyedBy: ['INTERNAL_ID'], basic4Fields: ['NAME_KANJI'], occurredAt: T(9) }));
      expect(await count()).toBe(before + 1);
    } finally {
      await setHeadAgeLimit(pool, null);
    }
  });
});
