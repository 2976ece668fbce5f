import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { FINDING_RULES, FindingQueries, InvalidFindingsQueryError, type FindingsQuery } from '#findings';
import { RegistryLookup } from '#registry';
import type { Principal } from '../../auth/principal.js';
import { AuditTrail } from '../audit-trail.js';
import type { FindingFilter } from '../generated/schema.types.js';
import { requireRole, type GraphQLContext } from '../graphql-context.js';
import { apiError } from '../graphql-errors.js';
import { pageSize } from '../limits.js';
import { checkSubjectId } from './access-history.resolver.js';

/** The query's fields given as arguments rather than in `filter`. */
const ARGUMENTS = new Set(['asOf', 'first', 'after']);

/**
 * Narrows a query to what the principal may see: an organization its own findings, a subject those about them
 * that reveal no non-disclosed provision.
 */
function scopedTo(principal: Principal, filter: FindingFilter): Pick<FindingsQuery, 'organizationId' | 'subjectId' | 'disclosedTo'> {
  const subjectId = filter.subjectId ? checkSubjectId(filter.subjectId, 'filter.subjectId') : null;
  switch (principal.role) {
    case 'AUDITOR':
      return { organizationId: filter.organizationId ?? null, subjectId };
    case 'ORGANIZATION':
      if (filter.organizationId && filter.organizationId !== principal.organizationId) throw apiError('FORBIDDEN', 'an organization sees only its own findings');
      return { organizationId: principal.organizationId, subjectId };
    case 'SUBJECT':
      if (subjectId && subjectId !== principal.subjectId) throw apiError('FORBIDDEN', 'a subject sees only the findings about them');
      // Never a finding that would reveal a provision kept from them (不開示), as in their history.
      return { organizationId: filter.organizationId ?? null, subjectId: principal.subjectId, disclosedTo: principal.subjectId };
    default:
      throw apiError('FORBIDDEN', `a ${principal.role} may not read findings`);
  }
}

/** 検出事項 — compliance findings, for auditors, organizations and citizens. */
@Resolver()
export class FindingsResolver {
  constructor(
    private readonly findings: FindingQueries,
    private readonly registry: RegistryLookup,
    private readonly audit: AuditTrail,
  ) {}

  @Query('findings')
  async list(
    @Args('asOf') asOf: string | null,
    @Args('filter') filter: FindingFilter | null,
    @Args('first') first: number | null,
    @Args('after') after: string | null,
    @Context() context: GraphQLContext,
  ) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION', 'SUBJECT');
    const given = filter ?? {};
    const query: FindingsQuery = { asOf: asOf ?? new Date().toISOString(), from: given.from, to: given.to, rule: given.rule, severity: given.severity, ...scopedTo(principal, given) };
    const page = await this.findings.list({ ...query, first: pageSize(first), after }).catch((error: unknown) => {
      if (error instanceof InvalidFindingsQueryError) throw apiError('BAD_USER_INPUT', error.reason, ARGUMENTS.has(error.field) ? error.field : `filter.${error.field}`);
      throw error;
    });
    // Who audits the auditors: the subjects named by the query and by the answer, recorded before it leaves.
    const touched = [query.subjectId, ...page.findings.map(({ finding }) => finding.subjectId)].filter((id): id is string => id !== null && id !== undefined);
    await this.audit.record(principal, 'findings', touched);
    const organizations = await this.registry.organizations(page.findings.map(({ finding }) => finding.organizationId));
    return {
      totalCount: page.totalCount,
      edges: page.findings.map(({ cursor, finding }) => ({
        cursor,
        node: {
          ...finding,
          reason: FINDING_RULES[finding.rule].reason.en,
          title: FINDING_RULES[finding.rule].title,
          explanation: FINDING_RULES[finding.rule].reason,
          statute: FINDING_RULES[finding.rule].statute,
          party: typeof finding.detail.party === 'string' ? finding.detail.party : null,
          organization: organizations.get(finding.organizationId)!,
          subjectCount: finding.subjectIds.length,
        },
      })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(after),
        startCursor: page.findings[0]?.cursor ?? null,
        endCursor: page.findings.at(-1)?.cursor ?? null,
      },
    };
  }
}
