import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessHistoryQueries, InvalidCursorError, type AccessHistoryLine, type Visibility } from '#access-history';
import { isUuid } from '#event-store';
import { parseItem } from '#ingestion';
import { RegistryLookup, type DatasetRow, type OrganizationView } from '#registry';
import type { Principal } from '../../auth/principal.js';
import { AuditTrail } from '../audit-trail.js';
import type { AccessHistoryFilter } from '../generated/schema.types.js';
import { requireRole, type GraphQLContext } from '../graphql-context.js';
import { apiError } from '../graphql-errors.js';
import { pageSize } from '../limits.js';
import { itemView } from './registry.resolver.js';

export function checkSubjectId(subjectId: string, field = 'subjectId'): string {
  if (!isUuid(subjectId)) throw apiError('BAD_USER_INPUT', 'must be a subject id (a UUID)', field);
  return subjectId.toLowerCase();
}

/** What a principal may see of a subject's history; refuses a citizen asking for someone else's. */
function visibilityFor(principal: Principal, subjectId: string): Visibility {
  switch (principal.role) {
    case 'AUDITOR':
      return {};
    case 'ORGANIZATION':
      return { party: principal.organizationId };
    case 'SUBJECT':
      if (principal.subjectId !== subjectId) throw apiError('FORBIDDEN', 'a subject sees only their own history');
      return { disclosedOnly: true };
    default:
      throw apiError('FORBIDDEN', `a ${principal.role} may not read histories`);
  }
}

/** 情報提供等記録 — the access history, for auditors, organizations and citizens. */
@Resolver()
export class AccessHistoryResolver {
  constructor(
    private readonly history: AccessHistoryQueries,
    private readonly registry: RegistryLookup,
    private readonly audit: AuditTrail,
  ) {}

  @Query('accessHistory')
  async accessHistory(
    @Args('subjectId') subjectId: string,
    @Args('filter') filter: AccessHistoryFilter | null,
    @Args('first') first: number | null,
    @Args('after') after: string | null,
    @Context() context: GraphQLContext,
  ) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION', 'SUBJECT');
    return this.connection(principal, checkSubjectId(subjectId), filter, first, after, 'accessHistory');
  }

  @Query('me')
  async me(@Args('filter') filter: AccessHistoryFilter | null, @Args('first') first: number | null, @Args('after') after: string | null, @Context() context: GraphQLContext) {
    const principal = requireRole(context, 'SUBJECT');
    return this.connection(principal, principal.subjectId, filter, first, after, 'me');
  }

  @Query('whoAccessed')
  async whoAccessed(
    @Args('subjectId') subjectId: string,
    @Args('item') item: string,
    @Args('from') from: string | null,
    @Args('to') to: string | null,
    @Context() context: GraphQLContext,
  ) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION', 'SUBJECT');
    const id = checkSubjectId(subjectId);
    const code = parseItem(item, 'item');
    const visibility = visibilityFor(principal, id);
    const [uses] = await Promise.all([this.history.uses(id, code, { from, to }, visibility), this.audit.record(principal, 'whoAccessed', [id])]);
    const [organizations, datasets] = await Promise.all([
      this.registry.organizations(uses.flatMap((u) => [u.organizationId, u.counterpartyId])),
      this.registry.datasets(uses.flatMap((u) => u.datasetIds)),
    ]);
    return uses.map((u) => ({
      ...u,
      organization: organizations.get(u.organizationId)!,
      provider: u.kind === 'PROVISION' && u.counterpartyId ? organizations.get(u.counterpartyId)! : null,
      dataset: u.datasetIds[0] ? datasetReference(u.datasetIds[0], datasets) : null,
      item: itemView(code),
    }));
  }

  async connection(principal: Principal, subjectId: string, filter: AccessHistoryFilter | null, first: number | null, after: string | null, operation: string) {
    const size = pageSize(first);
    const visibility = visibilityFor(principal, subjectId);
    const narrowed = filter?.item != null ? { ...filter, item: parseItem(filter.item, 'filter.item') } : (filter ?? {});
    const [page] = await Promise.all([
      this.history.page(subjectId, narrowed, visibility, size, after).catch((error: unknown) => {
        if (error instanceof InvalidCursorError) throw apiError('BAD_USER_INPUT', error.message, 'after');
        throw error;
      }),
      this.audit.record(principal, operation, [subjectId]),
    ]);
    const [organizations, datasets] = await Promise.all([
      this.registry.organizations(page.entries.flatMap(({ entry }) => [entry.organizationId, entry.counterpartyId])),
      this.registry.datasets(page.entries.flatMap(({ entry }) => entry.datasetIds)),
    ]);
    return {
      totalCount: page.totalCount,
      edges: page.entries.map(({ cursor, entry }) => ({ cursor, node: node(entry, organizations, datasets) })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(after),
        startCursor: page.entries[0]?.cursor ?? null,
        endCursor: page.entries.at(-1)?.cursor ?? null,
      },
    };
  }
}

/** A dataset named in an answer: its registered name and holder, or only its id. */
function datasetReference(id: string, datasets: Map<string, DatasetRow>) {
  const found = datasets.get(id);
  return { id, name: found?.name ?? null, holderId: found?.holderId ?? null };
}

function node(entry: AccessHistoryLine, organizations: Map<string, OrganizationView>, datasets: Map<string, DatasetRow>) {
  const organization = organizations.get(entry.organizationId)!;
  return {
    id: entry.eventId,
    occurredAt: entry.occurredAt,
    kind: entry.kind,
    // Who audits the auditors: an auditor's office is named even when neither registered nor known to the platform.
    organization: entry.kind === 'AUDIT' && organization.name === null ? { ...organization, name: `監査機関（${organization.id}）`, nameEn: `auditing body (${organization.id})` } : organization,
    staffCode: entry.staffCode,
    counterparty: entry.counterpartyId ? organizations.get(entry.counterpartyId)! : null,
    datasets: entry.datasetIds,
    namedDatasets: entry.datasetIds.map((id) => datasetReference(id, datasets)),
    items: entry.items,
    namedItems: entry.items.map(itemView),
    tieId: entry.tieId,
    purpose: entry.purpose,
    purposeEn: entry.purposeEn,
    legalBasis: entry.legalBasis,
    outcome: entry.outcome,
    nonDisclosure: entry.nonDisclosure,
    globalPosition: entry.globalPosition,
  };
}

/** A subject found through `subject(identifier:)` and their history. */
@Resolver('Subject')
export class SubjectResolver {
  constructor(private readonly histories: AccessHistoryResolver) {}

  @ResolveField('accessHistory')
  accessHistory(
    @Parent() subject: { id: string },
    @Args('filter') filter: AccessHistoryFilter | null,
    @Args('first') first: number | null,
    @Args('after') after: string | null,
    @Context() context: GraphQLContext,
  ) {
    const principal = requireRole(context, 'AUDITOR');
    return this.histories.connection(principal, subject.id, filter, first, after, 'subject.accessHistory');
  }
}
