import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { ExposureQueries, UnknownDatasetError, type ExposureLevel, type SubjectLinkage } from '#exposure';
import { RegistryLookup } from '#registry';
import type { Principal } from '../../auth/principal.js';
import { AuditTrail } from '../audit-trail.js';
import { requireRole, type GraphQLContext } from '../graphql-context.js';
import { apiError } from '../graphql-errors.js';
import { checkSubjectId } from './access-history.resolver.js';

/** `asOf` defaults to the moment of the query: figures of the past are asked for explicitly. */
function asOfTime(asOf: string | null): Date {
  return asOf ? new Date(asOf) : new Date();
}

/** 紐付け and 名寄せ exposure: auditors for anyone (recorded), a citizen for themselves, organizations for their datasets. */
@Resolver()
export class ExposureResolver {
  constructor(
    private readonly exposures: ExposureQueries,
    private readonly registry: RegistryLookup,
    private readonly audit: AuditTrail,
  ) {}

  @Query('linkage')
  async linkage(@Args('subjectId') subjectId: string, @Args('asOf') asOf: string | null, @Context() context: GraphQLContext) {
    const id = this.subjectFor(requireRole(context, 'AUDITOR', 'SUBJECT'), subjectId);
    const [linkage] = await Promise.all([this.exposures.linkage(id, asOfTime(asOf)), this.audit.record(context.principal!, 'linkage', [id])]);
    return this.linkageView(linkage);
  }

  @Query('exposure')
  async exposure(@Args('subjectId') subjectId: string, @Args('asOf') asOf: string | null, @Context() context: GraphQLContext) {
    const id = this.subjectFor(requireRole(context, 'AUDITOR', 'SUBJECT'), subjectId);
    const [exposure] = await Promise.all([this.exposures.exposure(id, asOfTime(asOf)), this.audit.record(context.principal!, 'exposure', [id])]);
    const datasets = await this.registry.datasets([
      ...exposure.records.flatMap((r) => [r.datasetId, ...r.uniquelyMatchableIn.map((m) => m.datasetId)]),
      ...(exposure.bestMatch ? [exposure.bestMatch.fromDatasetId, exposure.bestMatch.toDatasetId] : []),
    ]);
    return {
      ...exposure,
      records: exposure.records.map((r) => ({
        ...r,
        dataset: datasets.get(r.datasetId) ?? null,
        uniquelyMatchableIn: r.uniquelyMatchableIn.map((m) => ({ ...m, dataset: datasets.get(m.datasetId) ?? null })),
      })),
      bestMatch: exposure.bestMatch && { ...exposure.bestMatch, from: datasets.get(exposure.bestMatch.fromDatasetId) ?? null, to: datasets.get(exposure.bestMatch.toDatasetId) ?? null },
      linkage: await this.linkageView(exposure.linkage),
    };
  }

  @Query('datasetRisk')
  async datasetRisk(@Args('datasetId') datasetId: string, @Args('level') level: ExposureLevel, @Context() context: GraphQLContext) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION');
    const dataset = await this.datasetFor(principal, datasetId, 'datasetId');
    const risk = await this.exposures.datasetRisk(datasetId, level);
    if (!risk) throw apiError('NOT_FOUND', `no dataset "${datasetId}"`, 'datasetId');
    return { ...risk, dataset, level };
  }

  @Query('matchability')
  async matchability(@Args('datasetA') datasetA: string, @Args('datasetB') datasetB: string, @Args('level') level: ExposureLevel, @Context() context: GraphQLContext) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION');
    const [a, b] = await Promise.all([this.datasetFor(null, datasetA, 'datasetA'), this.datasetFor(null, datasetB, 'datasetB')]);
    if (principal.role === 'ORGANIZATION' && a.holderId !== principal.organizationId && b.holderId !== principal.organizationId) {
      throw apiError('FORBIDDEN', 'an organization compares only pairs that include one of its own datasets');
    }
    try {
      return { ...(await this.exposures.matchability(datasetA, datasetB, level)), datasetA: a, datasetB: b };
    } catch (error) {
      if (error instanceof UnknownDatasetError) throw apiError('NOT_FOUND', error.message, error.field);
      throw error;
    }
  }

  @Query('exposureDistribution')
  async exposureDistribution(@Args('level') level: ExposureLevel, @Context() context: GraphQLContext) {
    requireRole(context, 'AUDITOR');
    return this.exposures.distribution(level);
  }

  private subjectFor(principal: Principal, subjectId: string): string {
    const id = checkSubjectId(subjectId);
    if (principal.role === 'SUBJECT' && principal.subjectId !== id) throw apiError('FORBIDDEN', 'a subject sees only their own linkage and exposure');
    return id;
  }

  private async datasetFor(principal: Principal | null, datasetId: string, field: string) {
    const dataset = (await this.registry.datasets([datasetId])).get(datasetId);
    if (!dataset) throw apiError('NOT_FOUND', `no dataset "${datasetId}"`, field);
    if (principal?.role === 'ORGANIZATION' && dataset.holderId !== principal.organizationId) throw apiError('FORBIDDEN', 'an organization reads only the risk of its own datasets');
    return dataset;
  }

  private async linkageView(linkage: SubjectLinkage) {
    const datasets = await this.registry.datasets([
      ...linkage.records.map((r) => r.datasetId),
      ...linkage.ties.flatMap((t) => [t.datasetA, t.datasetB]),
      ...linkage.components.flatMap((c) => c.datasetIds),
    ]);
    const organizations = await this.registry.organizations(linkage.ties.map((t) => t.organizationId));
    const h = linkage.hygiene;
    return {
      ...linkage,
      records: linkage.records.map((r) => ({ ...r, dataset: datasets.get(r.datasetId) ?? null })),
      ties: linkage.ties.map((t) => ({ ...t, datasetA: datasets.get(t.datasetA) ?? null, datasetB: datasets.get(t.datasetB) ?? null, organization: organizations.get(t.organizationId) })),
      components: linkage.components.map((c) => ({
        recordIds: c.recordIds,
        datasets: c.datasetIds.flatMap((id) => (datasets.has(id) ? [datasets.get(id)!] : [])),
        domains: c.domains,
        datasetCount: c.datasetIds.length,
        domainCount: c.domains.length,
      })),
      hygiene: {
        liveTies: h.liveTies.length,
        oldestLiveTieDays: h.oldestLiveTieDays,
        overdueTies: h.overdueTies.length,
        myNumberTiesAcrossOrganizations: h.myNumberTiesAcrossOrganizations.length,
        identifiersPastLifetime: h.identifiersPastLifetime.length,
      },
    };
  }
}
