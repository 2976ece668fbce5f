import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DATABASE, type Database } from '#database';
import { FINGERPRINTER, type Fingerprinter } from '#privacy';
import { ITEMS, PrivacyEdge, DomainError, identifierInput, itemNames } from '#ingestion';
import { ProjectionRunner, pendingProjections } from '#projections';
import { InvalidRegistryCursorError, RegistryLookup, RegistryQueries, type DatasetRow, type RegistryPage, type RegistryVisibility } from '#registry';
import type { Principal } from '../../auth/principal.js';
import { AuditTrail } from '../audit-trail.js';
import type { DatasetFilter, IdentifierInput, OrganizationFilter } from '../generated/schema.types.js';
import { requireRole, type GraphQLContext } from '../graphql-context.js';
import { apiError } from '../graphql-errors.js';
import { subjectsNamedBy } from '../subjects-named.js';
import { pageSize } from '../limits.js';

/** Organizations, datasets, subjects by identifier, projections and raw streams. */
@Resolver()
export class RegistryResolver {
  private readonly edge: PrivacyEdge;

  constructor(
    private readonly registry: RegistryLookup,
    private readonly lists: RegistryQueries,
    private readonly projections: ProjectionRunner,
    private readonly audit: AuditTrail,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(FINGERPRINTER) fingerprinter: Fingerprinter,
  ) {
    this.edge = new PrivacyEdge(fingerprinter);
  }

  @Query('organization')
  async organization(@Args('id') id: string, @Context() context: GraphQLContext) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION', 'OPERATOR');
    if (principal.role === 'ORGANIZATION' && !(await this.lists.dealsWith(principal.organizationId, id))) {
      throw apiError('FORBIDDEN', 'an organization reads only its own record and its counterparties\'');
    }
    return this.registry.organization(id);
  }

  @Query('dataset')
  async dataset(@Args('id') id: string, @Context() context: GraphQLContext) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION', 'OPERATOR');
    const dataset = await this.registry.dataset(id);
    if (dataset && principal.role === 'ORGANIZATION' && !(await this.lists.dealsWith(principal.organizationId, dataset.holderId))) {
      throw apiError('FORBIDDEN', 'an organization reads only its own datasets and its counterparties\'');
    }
    return dataset;
  }

  @Query('organizations')
  async organizations(@Args('filter') filter: OrganizationFilter | null, @Args('first') first: number | null, @Args('after') after: string | null, @Context() context: GraphQLContext) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION', 'OPERATOR');
    const page = await this.lists.organizations(filter ?? {}, registryVisibility(principal), pageSize(first), after).catch(badCursor);
    return connection(page, after, (o) => ({ ...o, nameEn: null }));
  }

  @Query('datasets')
  async datasets(@Args('filter') filter: DatasetFilter | null, @Args('first') first: number | null, @Args('after') after: string | null, @Context() context: GraphQLContext) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION', 'OPERATOR');
    const page = await this.lists.datasets(filter ?? {}, registryVisibility(principal), pageSize(first), after).catch(badCursor);
    return connection(page, after, (d) => d);
  }

  /** The item catalogue: names, not personal data, so every signed-in role may read it. */
  @Query('items')
  items(@Context() context: GraphQLContext) {
    requireRole(context, 'AUDITOR', 'ORGANIZATION', 'SUBJECT', 'OPERATOR');
    return ITEMS.map((i) => itemView(i.code));
  }

  @Query('subject')
  async subject(@Args('identifier') identifier: IdentifierInput, @Context() context: GraphQLContext) {
    const principal = requireRole(context, 'AUDITOR');
    const parsed = identifierInput.safeParse({ kind: identifier.kind, value: identifier.value, scope: identifier.scope ?? undefined });
    if (!parsed.success) throw apiError('BAD_USER_INPUT', parsed.error.issues[0]!.message, `identifier.${parsed.error.issues[0]!.path.join('.')}`);
    let fingerprint: string;
    try {
      fingerprint = this.edge.identifier(parsed.data, 'identifier').fingerprint;
    } catch (error) {
      if (error instanceof DomainError) throw apiError('BAD_USER_INPUT', error.reason, error.field);
      throw error;
    }
    const [issued] = await this.store.readStream(`identifier-${fingerprint}`, { maxCount: 1 });
    if (!issued || issued.type !== 'IdentifierIssued') return null;
    const subjectId = String(issued.data.subjectId);
    await this.audit.record(principal, 'subject', [subjectId]);
    return { id: subjectId };
  }

  @Query('projections')
  async projectionStatus(@Context() context: GraphQLContext) {
    requireRole(context, 'AUDITOR', 'OPERATOR');
    return this.projections.status();
  }

  @Query('applied')
  async applied(@Args('transactionId') transactionId: string, @Context() context: GraphQLContext) {
    requireRole(context, 'AUDITOR', 'OPERATOR', 'ORGANIZATION');
    if (!/^\d{1,20}$/.test(transactionId) || BigInt(transactionId) >= 2n ** 64n) {
      throw apiError('BAD_USER_INPUT', 'must be a transaction id: an integer from 0 to 2^64 − 1, as a decimal string', 'transactionId');
    }
    const names = this.projections.projections.map((projection) => projection.name);
    const pending = await pendingProjections(this.database.reads, this.store, names, BigInt(transactionId));
    return { transactionId, applied: pending.length === 0, pending };
  }

  @Query('stream')
  async stream(@Args('id') id: string, @Args('first') first: number | null, @Args('after') after: string | null, @Context() context: GraphQLContext) {
    const principal = requireRole(context, 'AUDITOR');
    const size = pageSize(first);
    const from = after ? revisionAfter(after) : 0n;
    // One event more than the page, to know whether another follows; only the page's subjects are touched.
    const events = await this.store.readStream(id, { fromRevision: from, maxCount: size + 1 });
    const page = events.slice(0, size);
    await this.audit.record(principal, 'stream', page.flatMap((e) => subjectsNamedBy(e.data)));
    return {
      edges: page.map((e) => ({ cursor: e.revision.toString(), node: { ...e, revision: e.revision.toString(), globalPosition: e.globalPosition.toString() } })),
      pageInfo: { hasNextPage: events.length > size, hasPreviousPage: from > 0n, startCursor: page[0]?.revision.toString() ?? null, endCursor: page.at(-1)?.revision.toString() ?? null },
    };
  }
}

@Resolver('Dataset')
export class DatasetResolver {
  constructor(private readonly registry: RegistryLookup) {}

  @ResolveField('holder')
  async holder(@Parent() dataset: DatasetRow) {
    return (await this.registry.organizations([dataset.holderId])).get(dataset.holderId);
  }
}

/** A dataset named in a history line or a use: its holder, when it was registered. */
@Resolver('DatasetReference')
export class DatasetReferenceResolver {
  constructor(private readonly registry: RegistryLookup) {}

  @ResolveField('holder')
  async holder(@Parent() dataset: { holderId: string | null }) {
    return dataset.holderId === null ? null : (await this.registry.organizations([dataset.holderId])).get(dataset.holderId);
  }
}

/** An item with its names, as answers show it. */
export function itemView(code: string) {
  const { ja, en, category } = itemNames(code);
  return { code, nameJa: ja, nameEn: en, category: category && { code: category.code, nameJa: category.ja, nameEn: category.en, appendedTable: category.appendedTable } };
}

/** Auditors and operators list the whole registry; an organization itself and its counterparties. */
function registryVisibility(principal: Principal): RegistryVisibility {
  return principal.role === 'ORGANIZATION' ? { party: principal.organizationId } : {};
}

function badCursor(error: unknown): never {
  if (error instanceof InvalidRegistryCursorError) throw apiError('BAD_USER_INPUT', error.message, 'after');
  throw error;
}

function connection<Row, Node>(page: RegistryPage<Row>, after: string | null, node: (row: Row) => Node) {
  return {
    totalCount: page.totalCount,
    edges: page.rows.map((row, i) => ({ cursor: page.cursors[i]!, node: node(row) })),
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), startCursor: page.cursors[0] ?? null, endCursor: page.cursors.at(-1) ?? null },
  };
}

/** A stream cursor is the revision of the last event seen; the next page starts after it. */
function revisionAfter(cursor: string): bigint {
  if (!/^\d{1,19}$/.test(cursor)) throw apiError('BAD_USER_INPUT', 'is not a cursor this API gave out', 'after');
  return BigInt(cursor) + 1n;
}
