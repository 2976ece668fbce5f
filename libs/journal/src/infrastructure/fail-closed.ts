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
