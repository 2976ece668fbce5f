import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EVENT_STORE, type EventStore } from '#event-store';
import { FINGERPRINTER, type Fingerprinter } from '#privacy';
import { PrivacyEdge, DomainError, identifierInput } from '#ingestion';
import { ProjectionRunner } from '#projections';
import type { RegisteredDataset } from '#registry';
import { AuditTrail } from '../audit-trail.js';
import type { IdentifierInput } from '../generated/schema.types.js';
import { requireRole, type GraphQLContext } from '../graphql-context.js';
import { apiError } from '../graphql-errors.js';
import { subjectsNamedBy } from '../subjects-named.js';
import { pageSize } from '../limits.js';
import { RegistryLookup } from '../registry-lookup.js';

/** Organizations, datasets, subjects by identifier, projections and raw streams. */
@Resolver()
export class RegistryResolver {
  private readonly edge: PrivacyEdge;

  constructor(
    private readonly registry: RegistryLookup,
    private readonly projections: ProjectionRunner,
    private readonly audit: AuditTrail,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FINGERPRINTER) fingerprinter: Fingerprinter,
  ) {
    this.edge = new PrivacyEdge(fingerprinter);
  }

  @Query('organization')
  async organization(@Args('id') id: string, @Context() context: GraphQLContext) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION', 'OPERATOR');
    if (principal.role === 'ORGANIZATION' && principal.organizationId !== id) throw apiError('FORBIDDEN', 'an organization reads only its own record');
    return this.registry.organization(id);
  }

  @Query('dataset')
  async dataset(@Args('id') id: string, @Context() context: GraphQLContext) {
    const principal = requireRole(context, 'AUDITOR', 'ORGANIZATION', 'OPERATOR');
    const dataset = await this.registry.dataset(id);
    if (dataset && principal.role === 'ORGANIZATION' && dataset.holderId !== principal.organizationId) {
      throw apiError('FORBIDDEN', 'an organization reads only its own datasets');
    }
    return dataset;
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
  async holder(@Parent() dataset: RegisteredDataset) {
    return (await this.registry.organizations([dataset.holderId])).get(dataset.holderId);
  }
}

/** A stream cursor is the revision of the last event seen; the next page starts after it. */
function revisionAfter(cursor: string): bigint {
  if (!/^\d{1,19}$/.test(cursor)) throw apiError('BAD_USER_INPUT', 'is not a cursor this API gave out', 'after');
  return BigInt(cursor) + 1n;
}
