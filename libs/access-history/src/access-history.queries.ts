import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { AccessHistoryEntry, type AccessHistoryKind } from './access-history-entry.entity.js';

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
  entries: { cursor: string; entry: AccessHistoryEntry }[];
  hasNextPage: boolean;
  totalCount: number;
}

export class InvalidCursorError extends Error {}

/** Reads of the access history, newest first, a page at a time (keyset pagination on occurred_at, position). */
export class AccessHistoryQueries {
  constructor(private readonly dataSource: DataSource) {}

  async page(subjectId: string, filter: AccessHistoryFilter, visibility: Visibility, first: number, after?: string | null): Promise<HistoryPage> {
    const query = this.filtered(subjectId, filter, visibility);
    // A later page counts separately; a first page gets its count in the same statement (the window is
    // computed before LIMIT), so the common request makes one round trip.
    const separateCount = after ? query.clone().getCount() : undefined;
    if (after) {
      const [occurredAt, position] = decodeCursor(after);
      query.andWhere('(e.occurredAt, e.globalPosition) < (:occurredAt, :position)', { occurredAt, position });
    } else {
      query.addSelect('count(*) OVER ()', 'total_count');
    }
    const { entities, raw } = await query.orderBy('e.occurredAt', 'DESC').addOrderBy('e.globalPosition', 'DESC').limit(first + 1).getRawAndEntities<{ total_count?: string }>();
    const entries = entities.slice(0, first).map((entry) => ({ cursor: encodeCursor(entry), entry }));
    const totalCount = separateCount ? await separateCount : Number(raw[0]?.total_count ?? 0);
    return { entries, hasNextPage: entities.length > first, totalCount };
  }

  /** Provisions and accesses of one item of the subject's information: who obtained or used it. */
  async uses(subjectId: string, item: string, period: { from?: string | null; to?: string | null }, visibility: Visibility): Promise<AccessHistoryEntry[]> {
    return this.filtered(subjectId, { ...period, item, kinds: ['PROVISION', 'ACCESS'] }, visibility)
      .orderBy('e.occurredAt', 'DESC')
      .addOrderBy('e.globalPosition', 'DESC')
      .limit(1000)
      .getMany();
  }

  private filtered(subjectId: string, filter: AccessHistoryFilter, visibility: Visibility): SelectQueryBuilder<AccessHistoryEntry> {
    const query = this.dataSource.getRepository(AccessHistoryEntry).createQueryBuilder('e').where('e.subjectId = :subjectId', { subjectId });
    if (filter.from) query.andWhere('e.occurredAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.occurredAt < :to', { to: filter.to });
    if (filter.organizationId) query.andWhere('(e.organizationId = :organizationId OR e.counterpartyId = :organizationId)', { organizationId: filter.organizationId });
    if (visibility.party) query.andWhere('(e.organizationId = :party OR e.counterpartyId = :party)', { party: visibility.party });
    if (filter.purpose) query.andWhere(`e.purpose ILIKE :purpose ESCAPE '\\'`, { purpose: `%${filter.purpose.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (filter.item) query.andWhere(':item = ANY(e.items)', { item: filter.item });
    if (filter.kinds?.length) query.andWhere('e.kind IN (:...kinds)', { kinds: filter.kinds });
    if (visibility.disclosedOnly) query.andWhere('e.nonDisclosure = false');
    return query;
  }
}

function encodeCursor(entry: AccessHistoryEntry): string {
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
