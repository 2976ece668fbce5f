import type pg from 'pg';
import { Statements } from '#database';

export interface OrganizationFilter {
  kind?: string | null;
  domain?: string | null;
  /** Text in the organization's name or id. */
  name?: string | null;
}

export interface DatasetFilter {
  holderId?: string | null;
  domain?: string | null;
  keyedBy?: string | null;
  /** Text in the dataset's name, id or purpose. */
  name?: string | null;
}

/** An organization reading the registry sees itself and those it deals with; everyone else sees all. */
export interface RegistryVisibility {
  party?: string;
}

export interface RegistryPage<Row> {
  rows: Row[];
  hasNextPage: boolean;
  totalCount: number;
  /** The cursor of each row, in order. */
  cursors: string[];
}

export interface OrganizationRow {
  id: string;
  name: string;
  kind: string;
  domains: string[];
  registeredAt: Date;
}

export interface DatasetRow {
  id: string;
  holderId: string;
  name: string;
  purpose: string;
  domain: string;
  legalBasis: string | null;
  keyedBy: string[];
  basic4Fields: string[];
  registeredAt: Date;
}

export class InvalidRegistryCursorError extends Error {}

const ORGANIZATION_COLUMNS = `id, name, kind, domains, registered_at AS "registeredAt"`;
const DATASET_COLUMNS = `id, holder_id AS "holderId", name, purpose, domain, legal_basis AS "legalBasis", keyed_by AS "keyedBy", basic4_fields AS "basic4Fields", registered_at AS "registeredAt"`;
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;

/** The registry's lists, a page at a time in id order (keyset pagination): how an auditor finds the ids other queries take. */
export class RegistryQueries {
  constructor(
    private readonly db: pg.Pool,
    private readonly statements = new Statements(false),
  ) {}

  organizations(filter: OrganizationFilter, visibility: RegistryVisibility, first: number, after?: string | null): Promise<RegistryPage<OrganizationRow>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    if (visibility.party) where.push(`(id = ${p(visibility.party)} OR id IN (SELECT counterparty_id FROM registry.counterparties WHERE organization_id = $${params.length}))`);
    if (filter.kind) where.push(`kind = ${p(filter.kind)}`);
    if (filter.domain) where.push(`${p(filter.domain)} = ANY(domains)`);
    if (filter.name) where.push(`(name ILIKE ${p(contains(filter.name))} ESCAPE '\\' OR id ILIKE $${params.length} ESCAPE '\\')`);
    return this.page<OrganizationRow>('registry.organizations', ORGANIZATION_COLUMNS, where, params, first, after);
  }

  datasets(filter: DatasetFilter, visibility: RegistryVisibility, first: number, after?: string | null): Promise<RegistryPage<DatasetRow>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    if (visibility.party) where.push(`(holder_id = ${p(visibility.party)} OR holder_id IN (SELECT counterparty_id FROM registry.counterparties WHERE organization_id = $${params.length}))`);
    if (filter.holderId) where.push(`holder_id = ${p(filter.holderId)}`);
    if (filter.domain) where.push(`domain = ${p(filter.domain)}`);
    if (filter.keyedBy) where.push(`${p(filter.keyedBy)} = ANY(keyed_by)`);
    if (filter.name) where.push(`(name ILIKE ${p(contains(filter.name))} ESCAPE '\\' OR id ILIKE $${params.length} ESCAPE '\\' OR purpose ILIKE $${params.length} ESCAPE '\\')`);
    return this.page<DatasetRow>('registry.datasets', DATASET_COLUMNS, where, params, first, after);
  }

  /** Whether `other` is `party` itself or one of its counterparties: what an organization may read of the registry. */
  async dealsWith(party: string, other: string): Promise<boolean> {
    if (party === other) return true;
    const { rows } = await this.db.query({
      ...this.statements.of(`SELECT 1 FROM registry.counterparties WHERE organization_id = $1 AND counterparty_id = $2`),
      values: [party, other],
    });
    return rows.length > 0;
  }

  private async page<Row extends { id: string }>(table: string, columns: string, where: string[], params: unknown[], first: number, after?: string | null): Promise<RegistryPage<Row>> {
    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const count = this.db.query<{ n: string }>({ ...this.statements.of(`SELECT count(*) AS n FROM ${table} ${filtered}`), values: [...params] });
    const pageWhere = [...where];
    const pageParams = [...params];
    if (after) pageWhere.push(`id > $${pageParams.push(idAfter(after))}`);
    const { rows } = await this.db.query<Row>({
      ...this.statements.of(`SELECT ${columns} FROM ${table} ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''} ORDER BY id LIMIT $${pageParams.push(first + 1)}`),
      values: pageParams,
    });
    const page = rows.slice(0, first);
    return { rows: page, hasNextPage: rows.length > first, totalCount: Number((await count).rows[0]!.n), cursors: page.map((r) => Buffer.from(r.id).toString('base64url')) };
  }
}

function idAfter(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (id.length === 0 || id.length > 128 || Buffer.from(id).toString('base64url') !== cursor) throw new InvalidRegistryCursorError('is not a cursor this API gave out');
  return id;
}
