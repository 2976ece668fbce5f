import { createPublicKey, type KeyObject } from 'node:crypto';
import { keyIdOf, verifyTreeHead, type SignedTreeHead } from './signed-tree-head.js';
import { openingCommitment } from './journal-leaf.js';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle-tree.js';

/**
 * 証明書式 — proofs as JSON documents that an outsider checks with no database (README: "Verifying a proof").
 * Hashes are lowercase hex, signatures base64, the public key a PEM SubjectPublicKeyInfo; sizes and indexes
 * JSON numbers (exact up to 2^53).
 */
export const PROOF_FORMAT = 'himotoki-journal-proof/v1';
/** The inclusion of an event appended since the commitments began (v2 leaf): the leaf is its opening. */
export const PROOF_FORMAT_V2 = 'himotoki-journal-proof/v2';

export interface HeadJson {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
}

interface DocumentBase {
  format: typeof PROOF_FORMAT | typeof PROOF_FORMAT_V2;
  /** The journal's public key, PEM. An outsider should compare it (or its keyId) with the key they trust. */
  publicKey: string;
}

/** The newest signed head alone: what to keep, to ask later for a consistency proof from it. */
export interface HeadDocument extends DocumentBase {
  kind: 'head';
  head: HeadJson;
}

/** That one event is in the journal, under a signed head. */
export interface InclusionDocument extends DocumentBase {
  kind: 'inclusion';
  head: HeadJson;
  leafIndex: number;
  /**
   * v1: the leaf itself, the event's canonical JSON, whose UTF-8 bytes are hashed. v2: the opening, the event
   * with its salt as the database serialized it, whose UTF-8 bytes hash to `entry`.
   */
  leaf: string;
  /** v2 only: the public tile entry, SHA-256(leaf), lowercase hex; the leaf hash is SHA-256(0x00 ‖ entry). */
  entry?: string;
  leafHash: string;
  auditPath: string[];
}

/** That the journal of `toSize` extends the one of `fromSize`: nothing sealed was changed, dropped or reordered. */
export interface ConsistencyDocument extends DocumentBase {
  kind: 'consistency';
  fromSize: number;
  toSize: number;
  fromRoot: string;
  toRoot: string;
  proof: string[];
  /** The signed heads of those sizes, where one was signed (otherwise the root is the server's word alone). */
  fromHead: HeadJson | null;
  toHead: HeadJson | null;
}

export type ProofDocument = HeadDocument | InclusionDocument | ConsistencyDocument;

export class ProofFormatError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'ProofFormatError';
  }
}

export const headJson = (head: SignedTreeHead): HeadJson => ({
  treeSize: head.treeSize,
  rootHash: head.rootHash.toString('hex'),
  timestamp: head.timestamp.toISOString(),
  keyId: head.keyId,
  signature: head.signature.toString('base64'),
});

const HASH = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function field<T>(object: Record<string, unknown>, name: string, path: string, check: (value: unknown) => value is T, expected: string): T {
  const value = object[name];
  if (!check(value)) throw new ProofFormatError(`${path}.${name}`, `must be ${expected}`);
  return value;
}
const isSize = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isHash = (v: unknown): v is string => typeof v === 'string' && HASH.test(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isHashList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isHash);

function parseHead(value: unknown, path: string): SignedTreeHead {
  if (!isObject(value)) throw new ProofFormatError(path, 'must be a signed head (an object)');
  const timestamp = field(value, 'timestamp', path, isString, 'an ISO 8601 time');
  if (Number.isNaN(Date.parse(timestamp))) throw new ProofFormatError(`${path}.timestamp`, 'must be an ISO 8601 time');
  return {
    treeSize: field(value, 'treeSize', path, isSize, 'a tree size (an integer ≥ 0)'),
    rootHash: Buffer.from(field(value, 'rootHash', path, isHash, 'a SHA-256 hash in lowercase hex'), 'hex'),
    timestamp: new Date(timestamp),
    keyId: field(value, 'keyId', path, isHash, 'a key id (SHA-256, lowercase hex)'),
    signature: Buffer.from(field(value, 'signature', path, (v): v is string => isString(v) && BASE64.test(v), 'a base64 signature'), 'base64'),
  };
}

/** The outcome of checking a document: every check made, in order; valid when all passed. */
export interface ProofVerdict {
  kind: ProofDocument['kind'];
  valid: boolean;
  checks: { check: string; ok: boolean }[];
}

/**
 * Checks a proof document offline. `trustedKey` is the journal key the checker already trusts; without it
 * the document's own key is used, which proves integrity under that key only (the verdict says so).
 */
export function verifyProofDocument(document: unknown, trustedKey?: KeyObject): ProofVerdict {
  if (!isObject(document)) throw new ProofFormatError('$', 'must be a JSON object');
  if (document.format !== PROOF_FORMAT && document.format !== PROOF_FORMAT_V2) throw new ProofFormatError('$.format', `must be "${PROOF_FORMAT}" or "${PROOF_FORMAT_V2}"`);
  const pem = field(document, 'publicKey', '$', isString, 'a PEM public key');
  let documentKey: KeyObject;
  try {
    documentKey = createPublicKey(pem);
  } catch {
    throw new ProofFormatError('$.publicKey', 'must be a PEM public key');
  }
  if (documentKey.asymmetricKeyType !== 'ed25519') throw new ProofFormatError('$.publicKey', 'must be an Ed25519 key');
  const checks: ProofVerdict['checks'] = [];
  const check = (name: string, ok: boolean) => checks.push({ check: name, ok });
  check(trustedKey ? 'the document names the trusted key' : 'no trusted key given: checked under the document\'s own key', !trustedKey || keyIdOf(trustedKey) === keyIdOf(documentKey));
  const key = trustedKey ?? documentKey;
  const signed = (head: SignedTreeHead, name: string) => check(`${name} (size ${head.treeSize}, ${head.timestamp.toISOString()}) is signed by the key`, verifyTreeHead(head, key));

  const kind = document.kind;
  if (kind === 'head') {
    signed(parseHead(document.head, '$.head'), 'the head');
  } else if (kind === 'inclusion') {
    const head = parseHead(document.head, '$.head');
    const index = field(document, 'leafIndex', '$', isSize, 'a leaf index (an integer ≥ 0)');
    const leaf = field(document, 'leaf', '$', isString, 'the leaf (a string)');
    const claimed = Buffer.from(field(document, 'leafHash', '$', isHash, 'a SHA-256 hash in lowercase hex'), 'hex');
    const path = field(document, 'auditPath', '$', isHashList, 'a list of SHA-256 hashes in lowercase hex').map((h) => Buffer.from(h, 'hex'));
    let computed: Buffer;
    if (document.format === PROOF_FORMAT_V2) {
      const entry = Buffer.from(field(document, 'entry', '$', isHash, 'a SHA-256 hash in lowercase hex'), 'hex');
      check('entry = SHA-256(leaf), the commitment to the opening', openingCommitment(leaf).equals(entry));
      computed = leafHash(entry);
      check('leafHash = SHA-256(0x00 ‖ entry)', computed.equals(claimed));
    } else {
      computed = leafHash(Buffer.from(leaf, 'utf8'));
      check('leafHash = SHA-256(0x00 ‖ leaf)', computed.equals(claimed));
    }
    check(`the audit path leads from leaf ${index} to the root of size ${head.treeSize}`, verifyInclusion(BigInt(index), BigInt(head.treeSize), computed, path, head.rootHash));
    signed(head, 'the head');
  } else if (kind === 'consistency') {
    const fromSize = field(document, 'fromSize', '$', isSize, 'a tree size (an integer ≥ 0)');
    const toSize = field(document, 'toSize', '$', isSize, 'a tree size (an integer ≥ 0)');
    const fromRoot = Buffer.from(field(document, 'fromRoot', '$', isHash, 'a SHA-256 hash in lowercase hex'), 'hex');
    const toRoot = Buffer.from(field(document, 'toRoot', '$', isHash, 'a SHA-256 hash in lowercase hex'), 'hex');
    const proof = field(document, 'proof', '$', isHashList, 'a list of SHA-256 hashes in lowercase hex').map((h) => Buffer.from(h, 'hex'));
    check(`the tree of ${toSize} extends the tree of ${fromSize}`, verifyConsistency(BigInt(fromSize), BigInt(toSize), proof, fromRoot, toRoot));
    for (const [name, size, root] of [['fromHead', fromSize, fromRoot], ['toHead', toSize, toRoot]] as const) {
      if (document[name] === null || document[name] === undefined) {
        check(`${name}: no head was signed at size ${size}; its root is the server's word`, true);
        continue;
      }
      const head = parseHead(document[name], `$.${name}`);
      check(`${name} is of size ${size} and root ${root.toString('hex')}`, head.treeSize === size && head.rootHash.equals(root));
      signed(head, name);
    }
  } else {
    throw new ProofFormatError('$.kind', 'must be "head", "inclusion" or "consistency"');
  }
  return { kind, valid: checks.every((c) => c.ok), checks };
}
