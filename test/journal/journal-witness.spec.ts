import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  NOTE_COSIGNATURE_V1,
  PublishedLog,
  Witness,
  WitnessSubmitter,
  addCheckpointBody,
  checkpointBody,
  parseNote,
  parseVerifierKey,
  setHeadAgeLimit,
  setMinCosignatures,
  signNote,
  verifyCosignature,
  type WitnessAlarm,
} from '#journal';
import { backendName } from '../support/test-database.js';
import { openJournalFixture, type JournalFixture } from './journal-support.js';

const ORIGIN = 'himotoki.test/journal';

async function startWitness(stateFile: string, f: JournalFixture, log: PublishedLog, key = generateKeyPairSync('ed25519').privateKey) {
  const alarms: WitnessAlarm[] = [];
  const witness = await Witness.open({ name: 'witness.test/ppc', key, logs: [log.verifierKey], stateFile, onAlarm: (a) => alarms.push(a) });
  const { url, server } = await witness.listen(0);
  const submitter = new WitnessSubmitter(f.db.pool, log, [{ url, key: parseVerifierKey(witness.verifierKey) }]);
  return { witness, url, server, submitter, alarms, key };
}

const post = async (url: string, body: string) => {
  const response = await fetch(`${url}/add-checkpoint`, { method: 'POST', body });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};
const close = (server: Server) => new Promise((resolve) => server.close(resolve));

describe(`witnesses of the journal on ${backendName}`, () => {
  it('cosigns each checkpoint that extends the last; refuses a fork and a rollback with an alarm, also after a restart from its state on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'himotoki-witness-'));
    const f = await openJournalFixture();
    const log = new PublishedLog(f.db.pool, f.key, ORIGIN);
    let w = await startWitness(join(dir, 'state.json'), f, log);
    try {
      await f.appendSubjects(0, 10, 5);
      await f.sealAndSign();
      expect(await w.submitter.submitDue()).toBe(1);
      // The checkpoint is served with the witness's cosignature, which verifies under the witness's key.
      const served = parseNote((await log.cosignedCheckpoint())!);
      expect(served.signatures.map((s) => s.name)).toEqual([ORIGIN, 'witness.test/ppc']);
      const witnessKey = parseVerifierKey(w.witness.verifierKey);
      expect(witnessKey.type).toBe(NOTE_COSIGNATURE_V1);
      expect(verifyCosignature(served.text, served.signatures[1]!, witnessKey)).toBeGreaterThan(1_700_000_000);

      await f.appendSubjects(10, 25, 5);
      await f.sealAndSign();
      expect(await w.submitter.submitDue()).toBe(1);
      expect(w.witness.last(ORIGIN)!.size).toBe(25 * 11);
      expect(JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')).logs[ORIGIN].size).toBe(25 * 11);

      // A fork: another root at the size cosigned, signed with the log's own key (an insider's second view).
      const forged = (size: number, root: Buffer) => signNote(checkpointBody({ origin: ORIGIN, size, rootHash: root }), ORIGIN, f.key);
      const fork = await post(w.url, addCheckpointBody(275, [], forged(275, Buffer.alloc(32, 1))));
      expect(fork).toMatchObject({ status: 409, type: 'text/x.tlog.size', text: '275\n' });
      // A larger tree whose consistency proof from the cosigned one fails: a fork too.
      const bad = await post(w.url, addCheckpointBody(275, [Buffer.alloc(32, 2)], forged(300, Buffer.alloc(32, 3))));
      expect(bad.status).toBe(422);
      // A rollback: a smaller tree, however the old size is claimed.
      const rolledBack = forged(110, Buffer.from((await f.proofs.consistency(110, 110)).toRoot, 'hex'));
      expect(await post(w.url, addCheckpointBody(110, [], rolledBack))).toMatchObject({ status: 409, text: '275\n' });
      expect(await post(w.url, addCheckpointBody(275, [], rolledBack))).toMatchObject({ status: 400 });
      expect(w.alarms.map((a) => a.kind)).toEqual(['fork', 'fork', 'rollback', 'rollback']);
      // An unknown log, or one not signed by the log's key: refused, no alarm.
      const stranger = generateKeyPairSync('ed25519').privateKey;
      expect((await post(w.url, addCheckpointBody(0, [], signNote(checkpointBody({ origin: 'other.test/log', size: 1, rootHash: Buffer.alloc(32) }), 'other.test/log', stranger)))).status).toBe(404);
      expect((await post(w.url, addCheckpointBody(275, [], signNote(checkpointBody({ origin: ORIGIN, size: 276, rootHash: Buffer.alloc(32) }), ORIGIN, stranger)))).status).toBe(403);
      expect(w.alarms).toHaveLength(4);

      // Restarted from its state file: it remembers the size cosigned and its alarms, and still refuses the fork.
      await close(w.server);
      w = await startWitness(join(dir, 'state.json'), f, log, w.key);
      expect(w.witness.last(ORIGIN)!.size).toBe(275);
      expect(w.witness.alarms).toHaveLength(4);
      expect((await post(w.url, addCheckpointBody(275, [], forged(275, Buffer.alloc(32, 1))))).status).toBe(409);
      // And the log, which kept its cosignatures, carries on from the size the witness knows.
      await f.appendSubjects(25, 30, 5);
      await f.sealAndSign();
      expect(await w.submitter.submitDue()).toBe(1);
      expect(w.witness.last(ORIGIN)!.size).toBe(30 * 11);
    } finally {
      await close(w.server);
      await f.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fail-closed with K of N witnesses: new events are refused until a recent head is cosigned by K', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'himotoki-witness-'));
    const f = await openJournalFixture();
    const log = new PublishedLog(f.db.pool, f.key, ORIGIN);
    const w = await startWitness(join(dir, 'state.json'), f, log);
    try {
      await f.appendSubjects(0, 1);
      await f.sealAndSign();
      await setHeadAgeLimit(f.db.pool, 30);
      await setMinCosignatures(f.db.pool, 1);
      await expect(f.appendSubjects(1, 2)).rejects.toMatchObject({ code: 'HM002', message: expect.stringContaining('cosigned by 1 witnesses is missing') });
      expect(await w.submitter.submitDue()).toBe(1);
      await f.appendSubjects(1, 2);
      await setHeadAgeLimit(f.db.pool, null);
    } finally {
      await close(w.server);
      await f.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
