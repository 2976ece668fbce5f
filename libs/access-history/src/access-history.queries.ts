import type pg from 'pg';
import { Statements } from '#database';

export interface AccessHistoryFilter {
  from?: string | null;
  to?: string | null;
  organizationId?: string | null;
  purpose?: string | null;
  item?: string | null;
  kinds?: AccessHistoryKind[] | null;
}

/** Who is reading decides what they may see of a history. */
export interface Visibility {
  /** An organization sees only lines where it acted or was the counterparty. */
  party?: string;
  /** A citizen never sees lines under a non-disclosure flag. */
  disclosedOnly?: boolean;
}

export interface HistoryPage {
  entries: { cursor: string; entry: AccessHistoryLine }[];
  hasNextPage: boolean;
  totalCount: number;
}

export class InvalidCursorError extends Error {}

export type AccessHistoryKind = 'PROVISION' | 'ACCESS' | 'LINK' | 'UNLINK' | 'AUDIT' | 'CORRECTION';

/**
 * One line of a subject's access history (情報提供等記録), a row of `access_history.entries` as the queries answer
 * it: without what only the projection needs (the id of what it records, and its detail).
 */
export interface AccessHistoryLine {
  eventId: string;
  subjectId: string;
  globalPosition: string;
  kind: AccessHistoryKind;
  occurredAt: Date;
  /** Who: the organization that obtained, used, tied or cut. */
  organizationId: string;
  staffCode: string | null;
  /** The other party: the provider of a provision (情報提供者). */
  counterpartyId: string | null;
  datasetIds: string[];
  items: string[];
  /** Why: the purpose (利用目的), the procedure (事務) of a provision, or the reason of a cut. */
  purpose: string | null;
  legalBasis: string | null;
  outcome: string | null;
  /** 不開示: hidden from the subject until released. */
  nonDisclosure: boolean;
  /** The tie (紐付け) a LINK or UNLINK line made or cut. */
  tieId: string | null;
  /** The purpose in English, where the platform words it (an auditor's query: 監査の目的). */
  purposeEn: string | null;
}

const LINE_COLUMNS = `event_id AS "eventId", subject_id AS "subjectId", global_position AS "globalPosition", kind, occurred_at AS "occurredAt",
  organization_id AS "organizationId", staff_code AS "staffCode", counterparty_id AS "counterpartyId", dataset_ids AS "datasetIds", items,
  purpose, legal_basis AS "legalBasis", outcome, non_disclosure AS "nonDisclosure", tie_id AS "tieId", purpose_en AS "purposeEn"`;

/** A statement's conditions and their parameters, numbered as they are added. */
class Conditions {
  readonly sql: string[] = [];
  readonly params: unknown[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.sql.join(' AND ');
  }
}

/**
 * Reads of the access history, newest first, a page at a time (keyset pagination on occurred_at, position).
 * Plain SQL on the pool: these are the API's most frequent reads, and TypeORM's query building and entity
 * mapping would cost more than the read itself.
 */
export class AccessHistoryQueries {
  constructor(
    private readonly db: pg.Pool,
    private readonly statements = new Statements(false),
  ) {}

  async page(subjectId: string, filter: AccessHistoryFilter, visibility: Visibility, first: number, after?: string | null): Promise<HistoryPage> {
    const conditions = filtered(subjectId, filter, visibility);
    // A later page counts separately; a first page gets its count in the same statement (the window is
    // computed before LIMIT), so the common request makes one round trip.
    const separateCount = after
      ? this.db.query<{ n: string }>({ ...this.statements.of(`SELECT count(*) AS n FROM access_history.entries WHERE ${conditions.where}`), values: [...conditions.params] })
      : undefined;
    if (after) {
      const [occurredAt, position] = decodeCursor(after);
      conditions.sql.push(`(occurred_at, global_position) < (${conditions.param(occurredAt)}::timestamptz, ${conditions.param(position)}::bigint)`);
    }
    const { rows } = await this.db.query<AccessHistoryLine & { total_count?: string }>({
      ...this.statements.of(`SELECT ${LINE_COLUMNS}${after ? '' : ', count(*) OVER () AS total_count'} FROM access_history.entries
        WHERE ${conditions.where} ORDER BY occurred_at DESC, global_position DESC LIMIT ${conditions.param(first + 1)}`),
      values: conditions.params,
    });
    const entries = rows.slice(0, first).map(({ total_count: _, ...entry }) => ({ cursor: encodeCursor(entry), entry }));
    const totalCount = separateCount ? Number((await separateCount).rows[0]!.n) : Number(rows[0]?.total_count ?? 0);
    return { entries, hasNextPage: rows.length > first, totalCount };
  }

  /**
   * The lines one event made, among those of the given subjects: looked up by (subject, event), the history's key
   * (by the event id alone it would be a scan of the whole history).
   */
  async linesOf(eventId: string, subjectIds: readonly string[]): Promise<Pick<AccessHistoryLine, 'subjectId' | 'organizationId' | 'counterpartyId' | 'nonDisclosure'>[]> {
    if (subjectIds.length === 0) return [];
    const { rows } = await this.db.query<Pick<AccessHistoryLine, 'subjectId' | 'organizationId' | 'counterpartyId' | 'nonDisclosure'>>({
      ...this.statements.of(`SELECT subject_id AS "subjectId", organization_id AS "organizationId", counterparty_id AS "counterpartyId", non_disclosure AS "nonDisclosure"
        FROM access_history.entries WHERE subject_id = ANY($1::uuid[]) AND event_id = $2`),
      values: [subjectIds, eventId],
    });
    return rows;
  }

  /** Provisions and accesses of one item of the subject's information: who obtained or used it. */
  async uses(subjectId: string, item: string, period: { from?: string | null; to?: string | null }, visibility: Visibility): Promise<AccessHistoryLine[]> {
    const conditions = filtered(subjectId, { ...period, item, kinds: ['PROVISION', 'ACCESS'] }, visibility);
    const { rows } = await this.db.query<AccessHistoryLine>({
      ...this.statements.of(`SELECT ${LINE_COLUMNS} FROM access_history.entries WHERE ${conditions.where} ORDER BY occurred_at DESC, global_position DESC LIMIT 1000`),
      values: conditions.params,
    });
    return rows;
  }

  /** The subject and the organization with the most lines, ties by id (where a walk through the history starts); null on an empty history. */
  async mostRecorded(): Promise<{ subjectId: string; organizationId: string } | null> {
    const { rows: [row] } = await this.db.query<{ subjectId: string | null; organizationId: string | null }>(
      this.statements.of(`SELECT (SELECT subject_id FROM access_history.entries GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS "subjectId",
        (SELECT organization_id FROM access_history.entries GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS "organizationId"`),
    );
    return row?.subjectId && row.organizationId ? { subjectId: row.subjectId, organizationId: row.organizationId } : null;
  }

  /** The items of a subject's history: those another organization provided first, then the most recorded, ties by code. */
  async itemsOf(subjectId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ item: string }>({
      ...this.statements.of(`SELECT i AS item FROM access_history.entries, unnest(items) AS i WHERE subject_id = $1
        GROUP BY i ORDER BY bool_or(kind = 'PROVISION') DESC, count(*) DESC, i`),
      values: [subjectId],
    });
    return rows.map((r) => r.item);
  }

  /** The datasets a subject's information was used from (its ACCESS lines), the most used first, ties by id. */
  async datasetsUsedFor(subjectId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ dataset: string }>({
      ...this.statements.of(`SELECT d AS dataset FROM access_history.entries, unnest(dataset_ids) AS d WHERE subject_id = $1 AND kind = 'ACCESS'
        GROUP BY d ORDER BY count(*) DESC, d`),
      values: [subjectId],
    });
    return rows.map((r) => r.dataset);
  }
}

function filtered(subjectId: string, filter: AccessHistoryFilter, visibility: Visibility): Conditions {
  const c = new Conditions();
  c.sql.push(`subject_id = ${c.param(subjectId)}`);
  if (filter.from) c.sql.push(`occurred_at >= ${c.param(filter.from)}`);
  if (filter.to) c.sql.push(`occurred_at < ${c.param(filter.to)}`);
  for (const party of [filter.organizationId, visibility.party]) {
    if (!party) continue;
    const p = c.param(party);
    c.sql.push(`(organization_id = ${p} OR counterparty_id = ${p})`);
  }
  if (filter.purpose) {
    const p = c.param(`%${filter.purpose.replace(/[\\%_]/g, (x) => `\\${x}`)}%`);
    c.sql.push(`(purpose ILIKE ${p} ESCAPE '\\' OR purpose_en ILIKE ${p} ESCAPE '\\')`);
  }
  if (filter.item) c.sql.push(`${c.param(filter.item)} = ANY(items)`);
  if (filter.kinds?.length) c.sql.push(`kind = ANY(${c.param(filter.kinds)}::text[])`);
  if (visibility.disclosedOnly) c.sql.push('non_disclosure = false');
  return c;
}

function encodeCursor(entry: AccessHistoryLine): string {
  return Buffer.from(JSON.stringify([entry.occurredAt.toISOString(), entry.globalPosition])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const [occurredAt, position] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof occurredAt === 'string' && !Number.isNaN(Date.parse(occurredAt)) && typeof position === 'string' && /^\d+$/.test(position)) {
      return [occurredAt, position];
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidCursorError('is not a cursor this API gave out');
}
