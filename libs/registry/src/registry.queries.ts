import type pg from 'pg';
import { Statements } from '#database';
import { knownAuthority } from './domain/known-authorities.js';

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

/** 機関・事業者, as registered. */
export interface OrganizationRow {
  id: string;
  name: string;
  kind: string;
  domains: string[];
  registeredAt: Date;
}

/** 特定個人情報ファイル / a company's customer file, as registered. */
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
    const w = new Where(visibility, 'id');
    if (filter.kind) w.add((p) => `kind = ${p(filter.kind)}`);
    if (filter.domain) w.add((p) => `${p(filter.domain)} = ANY(domains)`);
    if (filter.name) w.add((p) => `(name ILIKE ${p(contains(filter.name!))} ESCAPE '\\' OR id ILIKE $${w.params.length} ESCAPE '\\')`);
    return this.page<OrganizationRow>('registry.organizations', ORGANIZATION_COLUMNS, w, first, after);
  }

  datasets(filter: DatasetFilter, visibility: RegistryVisibility, first: number, after?: string | null): Promise<RegistryPage<DatasetRow>> {
    const w = new Where(visibility, 'holder_id');
    if (filter.holderId) w.add((p) => `holder_id = ${p(filter.holderId)}`);
    if (filter.domain) w.add((p) => `domain = ${p(filter.domain)}`);
    if (filter.keyedBy) w.add((p) => `${p(filter.keyedBy)} = ANY(keyed_by)`);
    if (filter.name) w.add((p) => `(name ILIKE ${p(contains(filter.name!))} ESCAPE '\\' OR id ILIKE $${w.params.length} ESCAPE '\\' OR purpose ILIKE $${w.params.length} ESCAPE '\\')`);
    return this.page<DatasetRow>('registry.datasets', DATASET_COLUMNS, w, first, after);
  }

  /** The registered organizations among `ids`, in one statement. */
  async organizationsById(ids: readonly string[]): Promise<OrganizationRow[]> {
    const { rows } = await this.db.query<OrganizationRow>({ ...this.statements.of(`SELECT ${ORGANIZATION_COLUMNS} FROM registry.organizations WHERE id = ANY($1::text[])`), values: [ids] });
    return rows;
  }

  /** The registered datasets among `ids`, in one statement. */
  async datasetsById(ids: readonly string[]): Promise<DatasetRow[]> {
    const { rows } = await this.db.query<DatasetRow>({ ...this.statements.of(`SELECT ${DATASET_COLUMNS} FROM registry.datasets WHERE id = ANY($1::text[])`), values: [ids] });
    return rows;
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

  private async page<Row extends { id: string }>(table: string, columns: string, where: Where, first: number, after?: string | null): Promise<RegistryPage<Row>> {
    const filtered = where.sql.length ? `WHERE ${where.sql.join(' AND ')}` : '';
    const count = this.db.query<{ n: string }>({ ...this.statements.of(`SELECT count(*) AS n FROM ${table} ${filtered}`), values: [...where.params] });
    const pageWhere = [...where.sql];
    const pageParams = [...where.params];
    if (after) pageWhere.push(`id > $${pageParams.push(idAfter(after))}`);
    const { rows } = await this.db.query<Row>({
      ...this.statements.of(`SELECT ${columns} FROM ${table} ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''} ORDER BY id LIMIT $${pageParams.push(first + 1)}`),
      values: pageParams,
    });
    const page = rows.slice(0, first);
    return { rows: page, hasNextPage: rows.length > first, totalCount: Number((await count).rows[0]!.n), cursors: page.map((r) => Buffer.from(r.id).toString('base64url')) };
  }
}

/** A statement's conditions and their numbered parameters; the first, when an organization reads, keeps it to itself and its counterparties. */
class Where {
  readonly sql: string[] = [];
  readonly params: unknown[] = [];

  constructor(visibility: RegistryVisibility, partyColumn: string) {
    if (visibility.party) {
      this.add((p) => `(${partyColumn} = ${p(visibility.party)} OR ${partyColumn} IN (SELECT counterparty_id FROM registry.counterparties WHERE organization_id = $${this.params.length}))`);
    }
  }

  add(condition: (param: (value: unknown) => string) => string): void {
    this.sql.push(condition((value) => `$${this.params.push(value)}`));
  }
}

function idAfter(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (id.length === 0 || id.length > 128 || Buffer.from(id).toString('base64url') !== cursor) throw new InvalidRegistryCursorError('is not a cursor this API gave out');
  return id;
}

/** An organization as answers show it: registered, an oversight body the platform names itself, or just its id. */
export type OrganizationView = { id: string; name: string | null; nameEn: string | null; kind: string | null; domains: string[]; registeredAt: Date | null };

/** An organization never registered: named when it is an oversight body the platform knows (ppc: 個人情報保護委員会), else only its id. */
export function unregisteredOrganization(id: string): OrganizationView {
  const known = knownAuthority(id);
  return known
    ? { id, name: known.name, nameEn: known.nameEn, kind: known.kind, domains: [...known.domains], registeredAt: null }
    : { id, name: null, nameEn: null, kind: null, domains: [], registeredAt: null };
}

const UNREGISTERED_TTL_MS = 1000;

/** The names and datasets that answers show beside ids: the registry's lookups, kept once read. */
export class RegistryLookup {
  /**
   * Registered organizations, kept once read: no event changes a registered organization, so they never go
   * stale. An id not (yet) registered is remembered as such for a second only, so that a later registration
   * shows within a second, and a page naming an unregistered party (an auditor's office, say) does not cost
   * every request a query.
   */
  private readonly registered = new Map<string, OrganizationView>();
  private readonly unregisteredUntil = new Map<string, number>();
  /** Registered datasets, kept once read for the same reason: a registration is never amended. */
  private readonly registeredDatasets = new Map<string, DatasetRow>();

  constructor(private readonly queries: Pick<RegistryQueries, 'organizationsById' | 'datasetsById'>) {}

  /** Many organizations in at most one query (a page of history names a handful). */
  async organizations(ids: Iterable<string | null>): Promise<Map<string, OrganizationView>> {
    const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
    const now = Date.now();
    const missing = wanted.filter((id) => !this.registered.has(id) && !((this.unregisteredUntil.get(id) ?? 0) > now));
    if (missing.length > 0) {
      for (const found of await this.queries.organizationsById(missing)) this.registered.set(found.id, { ...found, nameEn: null });
      for (const id of missing) if (!this.registered.has(id)) this.unregisteredUntil.set(id, now + UNREGISTERED_TTL_MS);
    }
    return new Map(wanted.map((id) => [id, this.registered.get(id) ?? unregisteredOrganization(id)]));
  }

  /** A registered organization, or an oversight body the platform names itself; null for any other id. */
  async organization(id: string): Promise<OrganizationView | null> {
    const view = (await this.organizations([id])).get(id)!;
    return view.name === null ? null : view;
  }

  async dataset(id: string): Promise<DatasetRow | null> {
    return (await this.queries.datasetsById([id]))[0] ?? null;
  }

  /** Many datasets in at most one query; ids never registered are absent from the map. */
  async datasets(ids: Iterable<string>): Promise<Map<string, DatasetRow>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.registeredDatasets.has(id));
    if (missing.length > 0) {
      for (const found of await this.queries.datasetsById(missing)) this.registeredDatasets.set(found.id, found);
    }
    return new Map(wanted.flatMap((id) => (this.registeredDatasets.has(id) ? [[id, this.registeredDatasets.get(id)!] as const] : [])));
  }
}
