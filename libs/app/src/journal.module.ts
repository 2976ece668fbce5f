import type { KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import {
  HeadSigner,
  JournalMonitor,
  JournalProofs,
  PublishedLog,
  SealerThread,
  SignedHeads,
  WitnessSubmitter,
  headAgeLimitFromEnv,
  journalProjection,
  loadJournalKey,
  monitorOptionsFromEnv,
  logOriginFromEnv,
  minWitnessesFromEnv,
  setHeadAgeLimit,
  setMinCosignatures,
  witnessesFromEnv,
} from '#journal';
import { ProjectionRunner } from '#projections';
import { EVENT_STORE_NAME, JOURNAL_HEALTH, JournalTilesController, type EventStoreName, type JournalHealthReport } from '#api';
import { RUN_PROJECTOR } from './projections.module.js';

/** Injection token of the journal's Ed25519 signing key. */
export const JOURNAL_KEY = Symbol('JournalKey');

/**
 * 台帳 — the tamper-evident journal's moving parts: the sealer (a projection runner of its own, so that the
 * read models' status and rebuilds stay theirs) and the head signer. They run where the projector runs.
 */
@Injectable()
export class JournalSealing implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly sealer: ProjectionRunner;
  readonly signer: HeadSigner;
  readonly monitor: JournalMonitor;
  readonly witnesses: WitnessSubmitter;
  private readonly headAgeLimit: number | null;
  private readonly minWitnesses: number;
  /**
   * The live sealer on its own thread when the log is in PostgreSQL (the thread reads it there); with the log on
   * PGlite or in KurrentDB, the runner above follows the log live.
   */
  private readonly thread: SealerThread | null;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(JOURNAL_KEY) key: KeyObject,
    @Inject(RUN_PROJECTOR) private readonly runProjector: boolean,
    @Inject(EVENT_STORE_NAME) storeName: EventStoreName,
    log: PublishedLog,
  ) {
    const logger = new Logger('Journal');
    this.headAgeLimit = headAgeLimitFromEnv(process.env);
    this.sealer = new ProjectionRunner(database.pool, store, [journalProjection]);
    this.thread = storeName === 'postgresql' ? new SealerThread(database.url, (error) => logger.error(`sealer thread: ${error.message}`)) : null;
    // With a fail-closed limit, heads are signed often enough that a running signer never lets one go stale.
    const heartbeatMs = this.headAgeLimit === null ? 60_000 : Math.min(60_000, (this.headAgeLimit * 1000) / 4);
    this.signer = new HeadSigner(database.pool, key, { heartbeatMs }, (error) => logger.error(error.message));
    this.monitor = new JournalMonitor(database.pool, store, monitorOptionsFromEnv(process.env), (m) => logger.error(`MONITOR: leaf ${m.leafIndex}${m.eventId ? ` (event ${m.eventId})` : ''}: ${m.reason}; run himotoki verify`));
    const witnesses = witnessesFromEnv(process.env);
    this.minWitnesses = minWitnessesFromEnv(process.env, witnesses.length);
    this.witnesses = new WitnessSubmitter(database.pool, log, witnesses, (error) => logger.warn(error.message));
  }

  /**
   * Seals, signs, submits checkpoints to the witnesses (HIMOTOKI_JOURNAL_WITNESSES) and monitors in this
   * process, and sets the fail-closed limits (HIMOTOKI_JOURNAL_MAX_HEAD_AGE, HIMOTOKI_JOURNAL_MIN_WITNESSES).
   */
  async start(): Promise<void> {
    await setHeadAgeLimit(this.database.pool, this.headAgeLimit);
    await setMinCosignatures(this.database.pool, this.minWitnesses);
    if (this.thread) this.thread.start();
    else this.sealer.start();
    this.signer.start();
    this.witnesses.start();
    this.monitor.start();
  }

  /** Seals every event visible now and signs the result: for tools and tests that need a settled journal. */
  async catchUp(): Promise<void> {
    await this.sealer.catchUp();
    await this.signer.signIfDue();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.runProjector) await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.monitor.stop();
    await this.witnesses.stop();
    await this.signer.stop();
    await this.thread?.stop();
    await this.sealer.stop();
  }
}

/** The journal's part of /health and /metrics: head age, sealer lag, the monitor's last pass and verdict. */
@Injectable()
export class JournalHealth {
  private cached: { at: number; report: Promise<JournalHealthReport> } | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly sealing: JournalSealing,
  ) {}

  /** The report, computed at most once a second (a scrape reads several gauges of it). */
  check(): Promise<JournalHealthReport> {
    if (!this.cached || Date.now() - this.cached.at > 1000) this.cached = { at: Date.now(), report: this.compute() };
    return this.cached.report;
  }

  private async compute(): Promise<JournalHealthReport> {
    const [head, [sealer]] = await Promise.all([new SignedHeads(this.database.pool).latest(), this.sealing.sealer.status()]);
    const monitor = this.sealing.monitor.status();
    const now = Date.now();
    return {
      ok: monitor.state !== 'mismatch',
      headSize: head?.treeSize ?? null,
      headAgeSeconds: head ? (now - head.timestamp.getTime()) / 1000 : null,
      sealerLagEvents: sealer?.lagEvents ?? 0,
      sealerLagSeconds: sealer?.lagSeconds ?? 0,
      monitor: { ...monitor, lastPassAgeSeconds: monitor.lastPassAt ? (now - monitor.lastPassAt.getTime()) / 1000 : null },
    };
  }
}

@Module({})
export class JournalModule {
  /** The key is `HIMOTOKI_JOURNAL_KEY` (a PEM file), else derived from the platform key. */
  static forRoot(platformKey: Buffer): DynamicModule {
    const providers = [
      { provide: JOURNAL_KEY, useFactory: () => loadJournalKey({ keyFile: process.env.HIMOTOKI_JOURNAL_KEY || undefined, platformKey }) },
      {
        provide: JournalProofs,
        useFactory: (database: Database, store: EventStore, key: KeyObject) => new JournalProofs(database.pool, store, key),
        inject: [DATABASE, EVENT_STORE, JOURNAL_KEY],
      },
      {
        provide: PublishedLog,
        useFactory: (database: Database, key: KeyObject) => new PublishedLog(database.pool, key, logOriginFromEnv(process.env)),
        inject: [DATABASE, JOURNAL_KEY],
      },
      JournalSealing,
      JournalHealth,
      { provide: JOURNAL_HEALTH, useExisting: JournalHealth },
    ];
    return { module: JournalModule, global: true, providers, controllers: [JournalTilesController], exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}
