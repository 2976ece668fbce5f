import { createPublicKey } from 'node:crypto';
import { checkpointBody, parseCheckpoint } from './checkpoint.js';
import { cosign, verifyCosignature } from './cosignature.js';
import { NOTE_COSIGNATURE_V1, ed25519PrivateKey, noteKeyId, noteSignedBy, parseNote, parseVerifierKey, rawEd25519, signNote, verifierKey } from './signed-note.js';
import { entryBundle, parseEntryBundle, parseTilePath, tileIndexPath, tilePath, tileWidthAt } from './tile-path.js';

// golang.org/x/mod/sumdb/note's test key and note (note_test.go: TestNewVerifier, TestSign): data only.
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY_SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const PETER_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_NOTE = `${PETER_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('C2SP signed-note against x/mod/sumdb/note', () => {
  const key = ed25519PrivateKey(PETER_SKEY_SEED);
  it('derives the verifier key and its id from the seed', () => {
    expect(verifierKey('PeterNeumann', createPublicKey(key))).toBe(PETER_VKEY);
    expect(parseVerifierKey(PETER_VKEY).keyId.toString('hex')).toBe('c74f20a3');
  });
  it('signs the note byte for byte as x/mod does, and verifies it', () => {
    expect(signNote(PETER_TEXT, 'PeterNeumann', key)).toBe(PETER_NOTE);
    expect(noteSignedBy(parseNote(PETER_NOTE), parseVerifierKey(PETER_VKEY))).toBe(true);
  });
  it('refuses a changed text, a wrong id and malformed keys', () => {
    expect(noteSignedBy(parseNote(PETER_NOTE.replace('problem,', 'problem;')), parseVerifierKey(PETER_VKEY))).toBe(false);
    // x/mod's bad keys: a wrong-length key and an unknown algorithm, each with its key hash adjusted.
    expect(() => parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==')).toThrow('verifierKey');
    expect(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow('verifierKey');
    expect(() => parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow('is not the hash of its name and key');
    expect(() => signNote('no newline', 'n', key)).toThrow('text: must end with a newline');
    expect(() => parseNote('text\n— x AAAA\n')).toThrow('no blank line');
  });
});

describe('C2SP tlog-checkpoint', () => {
  // The example checkpoint of c2sp.org/tlog-checkpoint and tlog-witness.
  const body = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
  it('reads and writes the example checkpoint', () => {
    const checkpoint = parseCheckpoint(body);
    expect(checkpoint).toMatchObject({ origin: 'example.com/behind-the-sofa', size: 20852163 });
    expect(checkpointBody(checkpoint)).toBe(body);
    expect(parseCheckpoint(`${body}extension line\n`).size).toBe(20852163);
  });
  it('refuses a malformed size or root', () => {
    expect(() => parseCheckpoint(body.replace('20852163', '020852163'))).toThrow('checkpoint.size');
    expect(() => parseCheckpoint(body.replace('CsUY', 'CsU'))).toThrow('checkpoint.rootHash');
    expect(() => parseCheckpoint('origin\n1\n')).toThrow('three newline-terminated lines');
  });
});

describe('C2SP tlog-cosignature (Ed25519, type 0x04)', () => {
  const witness = ed25519PrivateKey(Buffer.alloc(32, 9));
  const body = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
  it('cosigns "cosignature/v1\\ntime T\\n" + body with key id SHA-256(name ‖ 0x0A ‖ 0x04 ‖ key)[:4] and the timestamp first', () => {
    const line = cosign(body, 'witness.example/w1', witness, 1679315147);
    const [signature] = parseNote(`${body}\n${line}`).signatures;
    expect(signature!.keyId).toEqual(noteKeyId('witness.example/w1', NOTE_COSIGNATURE_V1, rawEd25519(witness)));
    expect(signature!.signature.readBigUInt64BE(0)).toBe(1679315147n);
    const key = parseVerifierKey(verifierKey('witness.example/w1', createPublicKey(witness), NOTE_COSIGNATURE_V1));
    expect(verifyCosignature(body, signature!, key)).toBe(1679315147);
    expect(verifyCosignature(body.replace('20852163', '20852164'), signature!, key)).toBeNull();
    // A cosignature is not a log signature, nor the other way round.
    expect(noteSignedBy(parseNote(`${body}\n${line}`), { ...key, type: 1 })).toBe(false);
  });
});

describe('C2SP tlog-tiles paths', () => {
  it.each([
    [1234067, 'x001/x234/067'],
    [123456078, 'x123/x456/078'],
    [3057500, 'x003/x057/500'],
    [1, '001'],
    [0, '000'],
  ])('writes index %i as %s', (index, path) => expect(tileIndexPath(index)).toBe(path));

  it('reads the paths of x/mod\'s tests with the height dropped, and refuses the invalid', () => {
    expect(parseTilePath('tile/0/001')).toEqual({ level: 0, index: 1, width: 256 });
    expect(parseTilePath('tile/0/001.p/5')).toEqual({ level: 0, index: 1, width: 5 });
    expect(parseTilePath('tile/5/x123/x456/078.p/2')).toEqual({ level: 5, index: 123456078, width: 2 });
    expect(parseTilePath('tile/entries/x003/x057/500')).toEqual({ level: 'entries', index: 3057500, width: 256 });
    for (const bad of ['tile/5/123/456/078', 'tile/-1/001', 'tile/00/001', 'tile/0/01', 'tile/0/001.p/256', 'tile/0/001.p/0', 'tile/0/x000/001', 'tile/64/001', 'tile/data/001']) {
      expect(() => parseTilePath(bad)).toThrow();
    }
    expect(tilePath({ level: 1, index: 1234067, width: 17 })).toBe('tile/1/x001/x234/067.p/17');
  });

  it('gives the tiles of a tree of 70,000 as the spec counts them', () => {
    // 273 full level-0 tiles and one of width 112; one full level-1 tile and one of 17; a level-2 tile of 1.
    expect(tileWidthAt(0, 272, 70_000)).toBe(256);
    expect(tileWidthAt(0, 273, 70_000)).toBe(112);
    expect(tileWidthAt(0, 274, 70_000)).toBe(0);
    expect([tileWidthAt(1, 0, 70_000), tileWidthAt(1, 1, 70_000), tileWidthAt(2, 0, 70_000), tileWidthAt(3, 0, 70_000)]).toEqual([256, 17, 1, 0]);
    expect(tileWidthAt(1, 0, 256)).toBe(1);
  });

  it('bundles entries with big-endian uint16 lengths', () => {
    const bundle = entryBundle([Buffer.from('ab'), Buffer.alloc(0), Buffer.alloc(300, 1)]);
    expect(bundle.subarray(0, 4).toString('hex')).toBe('00026162');
    expect(parseEntryBundle(bundle).map((e) => e.length)).toEqual([2, 0, 300]);
    expect(() => parseEntryBundle(bundle.subarray(0, 5))).toThrow('ends inside');
  });
});
