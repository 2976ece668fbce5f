import type { KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkpointBody } from '../domain/checkpoint.js';
import { cosign } from '../domain/cosignature.js';
import { NOTE_COSIGNATURE_V1, parseVerifierKey, verifierKey, type VerifierKey } from '../domain/signed-note.js';
import { decideAddCheckpoint, parseAddCheckpoint, type WitnessedTree } from '../domain/witness.js';

export interface WitnessAlarm {
  at: string;
  origin: string;
  kind: 'fork' | 'rollback';
  reason: string;
}

interface WitnessState {
  logs: Record<string, { size: number; rootHash: string; cosignedAt: string }>;
  alarms: WitnessAlarm[];
}

export interface WitnessOptions {
  /** The witness's name (its note key name), e.g. witness.example.org/ppc. */
  name: string;
  /** Its own Ed25519 key. */
  key: KeyObject;
  /** The verifier keys of the logs it witnesses (`<origin>+<id>+<key>`). */
  logs: readonly string[];
  /** Where it keeps the last checkpoint cosigned of each log, and its alarms. */
  stateFile: string;
  onAlarm?: (alarm: WitnessAlarm) => void;
  now?: () => Date;
}

/**
 * 立会人 — `himotoki witness`: a C2SP tlog-witness that an outside party runs with its own key. It cosigns a
 * log's checkpoint only when it extends the last one it cosigned; it refuses and raises an alarm on a fork or
 * a rollback; it keeps its state on disk (written before it answers, one request at a time, so no two
 * requests can race a rollback past it).
 */
export class Witness {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly logKeys: Map<string, VerifierKey>;
  readonly verifierKey: string;

  private constructor(
    private readonly options: WitnessOptions,
    private state: WitnessState,
  ) {
    this.logKeys = new Map(options.logs.map((text) => {
      const key = parseVerifierKey(text);
      return [key.name, key];
    }));
    this.verifierKey = verifierKey(options.name, options.key, NOTE_COSIGNATURE_V1);
  }

  static async open(options: WitnessOptions): Promise<Witness> {
    let state: WitnessState = { logs: {}, alarms: [] };
    try {
      state = JSON.parse(await readFile(options.stateFile, 'utf8')) as WitnessState;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`the witness state ${options.stateFile} cannot be read: ${(error as Error).message}`);
    }
    return new Witness(options, state);
  }

  get alarms(): readonly WitnessAlarm[] {
    return this.state.alarms;
  }

  /** The last tree cosigned of a log, if any. */
  last(origin: string): WitnessedTree | null {
    const log = this.state.logs[origin];
    return log ? { size: log.size, rootHash: Buffer.from(log.rootHash, 'base64') } : null;
  }

  /** POST add-checkpoint: the HTTP status, content type and body to answer. */
  addCheckpoint(body: string): Promise<{ status: number; contentType: string; body: string }> {
    const run = this.queue.then(() => this.decide(body));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async decide(body: string): Promise<{ status: number; contentType: string; body: string }> {
    let request;
    try {
      request = parseAddCheckpoint(body);
    } catch (error) {
      return { status: 400, contentType: 'text/plain', body: `${(error as Error).message}\n` };
    }
    const origin = request.note.slice(0, Math.max(0, request.note.indexOf('\n')));
    const decision = decideAddCheckpoint(request, this.logKeys, this.last(origin));
    if (decision.status !== 200) {
      if (decision.alarm) {
        const alarm = { at: this.now().toISOString(), origin, kind: decision.alarm, reason: decision.reason };
        this.state.alarms.push(alarm);
        await this.save();
        this.options.onAlarm?.(alarm);
      }
      if (decision.sizeBody !== undefined && decision.status === 409) return { status: 409, contentType: 'text/x.tlog.size', body: decision.sizeBody };
      return { status: decision.status, contentType: 'text/plain', body: `${decision.reason}\n` };
    }
    const { checkpoint } = decision;
    const time = Math.floor(this.now().getTime() / 1000);
    this.state.logs[checkpoint.origin] = { size: checkpoint.size, rootHash: checkpoint.rootHash.toString('base64'), cosignedAt: this.now().toISOString() };
    await this.save();
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: cosign(checkpointBody(checkpoint), this.options.name, this.options.key, time) };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async save(): Promise<void> {
    await mkdir(dirname(this.options.stateFile), { recursive: true });
    const temporary = `${this.options.stateFile}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.state, null, 2) + '\n', { mode: 0o600 });
    await rename(temporary, this.options.stateFile);
  }

  /** Serves `POST /add-checkpoint` (and `GET /alarms`, the alarms raised so far) on host:port. */
  async listen(port: number, host = '127.0.0.1'): Promise<{ url: string; server: Server }> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        void (async () => {
          if (request.method === 'POST' && request.url === '/add-checkpoint') {
            const answer = await this.addCheckpoint(Buffer.concat(chunks).toString('utf8'));
            response.writeHead(answer.status, { 'Content-Type': answer.contentType }).end(answer.body);
          } else if (request.method === 'GET' && request.url === '/alarms') {
            response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(this.state.alarms));
          } else {
            response.writeHead(404, { 'Content-Type': 'text/plain' }).end('POST /add-checkpoint\n');
          }
        })().catch((error: Error) => response.writeHead(500, { 'Content-Type': 'text/plain' }).end(`${error.message}\n`));
      });
    });
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    const address = server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    return { url: `http://${host}:${bound}`, server };
  }
}
