import type { StoredEvent } from '#event-store';

/** What a projection writes through: the transaction it runs in. */
export interface SqlTransaction {
  query<R extends Record<string, unknown> = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/**
 * A read model kept from the log (投影). Its tables live in one PostgreSQL schema, so that a rebuild can
 * build a fresh copy beside it and swap the whole schema in one transaction.
 *
 * `apply` must be deterministic — a function of the events alone, never of the wall clock — so that a
 * rebuild from position zero gives exactly what live processing gave.
 */
export interface Projection {
  readonly name: string;
  /** The PostgreSQL schema holding the read model's tables (created by a migration). */
  readonly schema: string;
  /** The tables of that schema that make up the read model. */
  readonly tables: readonly string[];
  /**
   * The event types `apply` reads, when it ignores all others: the live runner then passes over batches
   * holding none of them without a transaction. Absent: every event matters.
   */
  readonly handles?: ReadonlySet<string>;
  /**
   * Reads every event as it was written, corrections not applied (the journal seals what was stored, and
   * the corrections are events of the log like any other). Absent: each event is read as corrected.
   */
  readonly readsLogAsWritten?: boolean;
  /**
   * Needs of an event that carries a commitment only the commitment (the journal's sealer): such events come
   * without their data and metadata, as views of the batch's bytes, which come alongside (see
   * `EventBodies.commitmentViews`, `packedCommitmentsOf`). Only with `readsLogAsWritten`, since a correction is
   * applied to data.
   */
  readonly readsCommitmentsOnly?: boolean;
  /** Applies events, in log order, to the tables in `schema` (the live one, or a rebuild's). */
  apply(events: StoredEvent[], tx: SqlTransaction, schema: string): Promise<void>;
}

/**
 * Inserts rows into a table of a read model in one statement, whatever their number: the rows travel as one
 * JSON parameter and take the table's own column types. Nothing is sent for no rows.
 */
export async function insertRows(tx: SqlTransaction, schema: string, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(`INSERT INTO ${schema}.${table} SELECT * FROM jsonb_populate_recordset(NULL::${schema}.${table}, $1::jsonb)`, [JSON.stringify(rows)]);
}
