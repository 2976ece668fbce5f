import type { KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { HeadSigner, JournalProofs, SealerThread, headAgeLimitFromEnv, journalProjection, loadJournalKey, setHeadAgeLimit } from '#journal';
import { ProjectionRunner } from '#projections';
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
  private readonly headAgeLimit: number | null;
  /** The live sealer on its own thread, on PostgreSQL; on PGlite the runner above follows the log live. */
  private readonly thread: SealerThread | null;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(JOURNAL_KEY) key: KeyObject,
    @Inject(RUN_PROJECTOR) private readonly runProjector: boolean,
  ) {
    const logger = new Logger('Journal');
    this.headAgeLimit = headAgeLimitFromEnv(process.env);
    this.sealer = new ProjectionRunner(database.pool, store, [journalProjection]);
    this.thread = database.backend === 'postgres' ? new SealerThread(database.url, (error) => logger.error(`sealer thread: ${error.message}`)) : null;
    // With a fail-closed limit, heads are signed often enough that a running signer never lets one go stale.
    const heartbeatMs = this.headAgeLimit === null ? 60_000 : Math.min(60_000, (this.headAgeLimit * 1000) / 4);
    this.signer = new HeadSigner(database.pool, key, { heartbeatMs }, (error) => logger.error(error.message));
  }

  /** Seals and signs in this process, and sets the fail-closed limit (HIMOTOKI_JOURNAL_MAX_HEAD_AGE). */
  async start(): Promise<void> {
    await setHeadAgeLimit(this.database.pool, this.headAgeLimit);
    if (this.thread) this.thread.start();
    else this.sealer.start();
    this.signer.start();
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
    await this.signer.stop();
    await this.thread?.stop();
    await this.sealer.stop();
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
      JournalSealing,
    ];
    return { module: JournalModule, global: true, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}
