import type pg from 'pg';

/** Command tags (their first word) of statements that change no data by themselves. */
const READ_TAGS = new Set(['SELECT', 'SHOW', 'BEGIN', 'START', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'SET', 'RESET', 'LISTEN', 'UNLISTEN', 'FETCH', 'DECLARE', 'CLOSE', 'DISCARD', 'DEALLOCATE']);
/** Tags after which functions or views may be new or different, so the catalog's writers are read again. */
const SCHEMA_CHANGE = new Set(['CREATE', 'ALTER', 'DROP']);
/** Words of a statement tagged SELECT that writes all the same: a data-modifying WITH, SELECT … INTO. */
const WRITING_WORDS = ['insert', 'update', 'delete', 'merge', 'into'];

/**
 * Everything a SELECT can write through: a function that is not VOLATILE cannot change data (PostgreSQL refuses
 * it), so the volatile ones outside the system catalog, the catalog's own that change sequences and large objects,
 * and every view that calls one of them, however deeply. The catalog's names go in as parameters: the query's
 * text names no writer, so that reading it through a watched pool is no write.
 */
const WRITERS = `WITH RECURSIVE writer(class, id, name) AS (
    SELECT 'pg_proc'::regclass::oid, p.oid, p.proname::text FROM pg_proc p
     WHERE p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace) AND p.provolatile = 'v'
        OR p.pronamespace = 'pg_catalog'::regnamespace AND (p.proname = ANY ($1::text[]) OR p.proname LIKE $2)
  UNION
    SELECT 'pg_class'::regclass::oid, c.oid, c.relname::text
      FROM writer w JOIN pg_depend d ON d.refclassid = w.class AND d.refobjid = w.id AND d.classid = 'pg_rewrite'::regclass
      JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class c ON c.oid = r.ev_class
  )
  SELECT coalesce(array_agg(DISTINCT lower(name)), '{}') AS names FROM writer`;

/** What one pooled connection has done since its last commit. */
interface Session {
  /** A statement that may have written ran, and its transaction has not been counted since. */
  wrote: boolean;
  /** A statement that may have created or changed a function or view ran in the open transaction. */
  changedSchema: boolean;
}

/**
 * Counts the writes a pool's connections commit: a statement that may change data, counted when its transaction
 * commits (at once outside a transaction block). A statement may change data unless its command tag is a read's
 * and its text names no writer (see WRITERS): the event store appends through functions called by SELECT. A
 * cursor or a statement that fails counts as a write of its transaction, and until the catalog's writers are
 * known, every statement does.
 */
export class PrimaryWrites {
  /** Writes committed so far: only compared, a count going up means something new to wait for. */
  committed = 0;
  private writers?: Set<string>;
  private loading?: Promise<void>;
  /** Bumped by every change of schema: a reading of the catalog begun before it is not used. */
  private generation = 0;
  /** Each statement's text read once: the same few statements run again and again. */
  private readonly verdicts = new Map<string, boolean>();
  private readonly sessions = new WeakMap<pg.PoolClient, Session>();

  constructor(
    pool: pg.Pool,
    /** Connections of their own for reading the catalog, so that reading it is not watched. */
    private readonly catalog: pg.Pool,
  ) {
    pool.on('acquire', (client) => this.watch(client));
    pool.on('release', (_error, client) => this.transactionEnded(client as pg.PoolClient, 'released'));
    this.readCatalog();
  }

  /** Wraps `client.query` (once per connection), in its promise and callback forms, to see each statement's outcome. */
  private watch(client: pg.PoolClient): void {
    if (this.sessions.has(client)) return;
    const session: Session = { wrote: false, changedSchema: false };
    this.sessions.set(client, session);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const config = args[0] as string | { text?: string; submit?: unknown; callback?: unknown } | undefined;
      const text = typeof config === 'string' ? config : (config?.text ?? '');
      if (typeof config === 'object' && (typeof config.submit === 'function' || typeof config.callback === 'function')) {
        // A cursor, a stream, a query object: its outcome is not seen here, so its transaction counts as writing.
        session.wrote = true;
        return query(...args);
      }
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (error: unknown, result: unknown) => {
          this.ran(client, session, text, error ? undefined : result);
          (callback as (error: unknown, result: unknown) => void)(error, result);
        };
        return query(...args);
      }
      return (query(...args) as Promise<unknown>).then(
        (result) => {
          this.ran(client, session, text, result);
          return result;
        },
        (error: unknown) => {
          this.ran(client, session, text, undefined);
          throw error;
        },
      );
    }) as typeof client.query;
  }

  /** A statement finished (`result` undefined: it failed). */
  private ran(client: pg.PoolClient, session: Session, text: string, result: unknown): void {
    const tags = result === undefined ? [firstWord(text)] : (Array.isArray(result) ? result : [result]).map((r: { command?: string | null }) => r?.command ?? '');
    if (tags.some((tag) => SCHEMA_CHANGE.has(tag))) {
      session.changedSchema = true;
      this.schemaChanged();
    }
    if (tags.some((tag) => !READ_TAGS.has(tag)) || this.namesWriter(text)) session.wrote = true;
    // Outside a transaction block what the statement wrote has committed: the server's transaction status from
    // its ReadyForQuery, which node-postgres answers (null before the first, when the write is counted now and
    // again at release).
    const status = client.getTransactionStatus();
    // Idle after a ROLLBACK alone (a COMMIT of a failed transaction is tagged so too): nothing of it was written.
    if (status === 'I' && tags.length === 1 && tags[0] === 'ROLLBACK') session.wrote = false;
    if (status !== 'T' && status !== 'E') this.transactionEnded(client, status === 'I' ? 'idle' : 'unknown');
  }

  private transactionEnded(client: pg.PoolClient, how: 'idle' | 'released' | 'unknown'): void {
    const session = this.sessions.get(client);
    if (!session) return;
    if (session.wrote) this.committed++;
    if (session.changedSchema) this.schemaChanged();
    if (how === 'unknown') return;
    session.wrote = false;
    session.changedSchema = false;
  }

  /** Whether the statement names a writer: a volatile function or a view over one, or a data-modifying word. */
  private namesWriter(text: string): boolean {
    const writers = this.writers;
    if (!writers) {
      this.readCatalog();
      return true;
    }
    let verdict = this.verdicts.get(text);
    if (verdict === undefined) {
      verdict = (text.toLowerCase().match(/[\p{L}_][\p{L}\p{N}_$]*/gu) ?? []).some((word) => writers.has(word));
      if (this.verdicts.size >= 1_000) this.verdicts.clear();
      this.verdicts.set(text, verdict);
    }
    return verdict;
  }

  private schemaChanged(): void {
    this.generation++;
    this.writers = undefined;
    this.verdicts.clear();
  }

  private readCatalog(): void {
    if (this.loading) return;
    const generation = this.generation;
    this.loading = this.catalog
      .query<{ names: string[] }>(WRITERS, [['nextval', 'setval', 'lowrite'], 'lo\\_%'])
      .then(({ rows }) => {
        if (generation === this.generation) this.writers = new Set([...WRITING_WORDS, ...rows[0]!.names]);
      })
      // Unread, every statement counts as a write; the next statement asks again.
      .catch(() => undefined)
      .finally(() => (this.loading = undefined));
  }
}

/** The first keyword of a statement's text, upper-cased, for a statement whose command tag was not returned. */
function firstWord(text: string): string {
  return /^[\s(]*([A-Za-z]+)/.exec(text.replace(/^(\s|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)*/, ''))?.[1]?.toUpperCase() ?? '';
}
