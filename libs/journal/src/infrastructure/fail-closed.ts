import type { SqlTransaction } from '#projections';

/** SQLSTATE of a refusal by the fail-closed trigger. */
export const FAIL_CLOSED_SQLSTATE = 'HM002';

/** Whether an error is the database refusing new events because the journal's newest head is too old. */
export const isFailClosedRefusal = (error: unknown): error is Error => (error as { code?: unknown })?.code === FAIL_CLOSED_SQLSTATE;

/**
 * Sets (seconds) or lifts (null) the fail-closed limit: with one set, every writer's new events are refused
 * while the newest signed head is older than it. The process that signs heads sets it as it starts.
 */
export async function setHeadAgeLimit(db: SqlTransaction, seconds: number | null): Promise<void> {
  if (seconds !== null && !(Number.isFinite(seconds) && seconds > 0)) throw new RangeError(`the head age limit must be a number of seconds > 0, got ${seconds}`);
  await db.query(`UPDATE journal.policy SET max_head_age = $1 * interval '1 second'`, [seconds]);
}

/** HIMOTOKI_JOURNAL_MAX_HEAD_AGE: seconds, or unset for no limit. */
export function headAgeLimitFromEnv(env: NodeJS.ProcessEnv): number | null {
  const value = env.HIMOTOKI_JOURNAL_MAX_HEAD_AGE;
  if (value === undefined || value === '') return null;
  const seconds = Number(value);
  if (!(Number.isFinite(seconds) && seconds > 0)) throw new Error(`HIMOTOKI_JOURNAL_MAX_HEAD_AGE must be a number of seconds > 0, got "${value}"`);
  return seconds;
}

/**
 * The fail-closed policy as a guard for an event store without the database trigger (KurrentDB): resolves
 * when new events may be written, and throws the trigger's refusal (SQLSTATE HM002) while the newest signed
 * head is older than the limit. One statement, evaluated like the trigger, on the journal's own database.
 */
export function failClosedGuard(db: Pick<SqlTransaction, 'query'>): () => Promise<void> {
  return async () => {
    const { rows } = await db.query<{ refused: boolean; age: string | null; max_head_age: string }>(
      `SELECT (h.newest IS NULL OR h.newest < clock_timestamp() - p.max_head_age) AS refused,
              to_char(clock_timestamp() - h.newest, 'HH24:MI:SS.MS') AS age, p.max_head_age::text AS max_head_age
         FROM journal.policy p, (SELECT max(signed_at) AS newest FROM journal.signed_heads) h
        WHERE p.max_head_age IS NOT NULL`,
    );
    const row = rows[0];
    if (!row?.refused) return;
    throw Object.assign(
      new Error(`new events are refused (fail-closed): the journal's newest signed head is ${row.age === null ? 'missing' : `${row.age} old`}, older than the limit of ${row.max_head_age}`),
      { code: FAIL_CLOSED_SQLSTATE, hint: 'run the journal signer (the server, or himotoki project), or lift HIMOTOKI_JOURNAL_MAX_HEAD_AGE' },
    );
  };
}
