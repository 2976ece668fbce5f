import { createPublicKey } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { AccessHistoryQueries } from '#access-history';
import { EVENT_STORE, isUuid, type EventStore } from '#event-store';
import { JournalProofs, PublishedLog, keyIdOf, treeHeadMessage, type HeadJson } from '#journal';
import type { Principal } from '../../auth/principal.js';
import { AuditTrail } from '../audit-trail.js';
import { requireRole, type GraphQLContext } from '../graphql-context.js';
import { apiError } from '../graphql-errors.js';
import { subjectsNamedBy } from '../subjects-named.js';

const ALL_ROLES = ['AUDITOR', 'ORGANIZATION', 'SUBJECT', 'OPERATOR'] as const;

function treeSize(value: string, field: string): number {
  const size = /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(size)) throw apiError('BAD_USER_INPUT', 'must be a tree size (an integer ≥ 0)', field);
  return size;
}

/** A head as GraphQL shows it: the document's fields and the exact bytes signed. */
const headView = (head: HeadJson) => ({
  ...head,
  signedMessage: treeHeadMessage({ treeSize: head.treeSize, rootHash: Buffer.from(head.rootHash, 'hex'), timestamp: new Date(head.timestamp) }).toString('utf8'),
});

/** 改ざん検知台帳 — the journal's signed heads and proofs, for auditors, operators, organizations and citizens. */
@Resolver()
export class JournalResolver {
  constructor(
    private readonly proofs: JournalProofs,
    private readonly audit: AuditTrail,
    private readonly history: AccessHistoryQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly log: PublishedLog,
  ) {}

  @Query('journal')
  async journal(@Context() context: GraphQLContext) {
    requireRole(context, ...ALL_ROLES);
    const [document, sealedSize] = await Promise.all([this.proofs.head(), this.proofs.sealedSize()]);
    return {
      publicKey: this.proofs.publicKey,
      keyId: keyIdOf(createPublicKey(this.proofs.publicKey)),
      latestHead: document && headView(document.head),
      sealedSize,
      document,
      logOrigin: this.log.origin,
      logVerifierKey: this.log.verifierKey,
    };
  }

  @Query('inclusionProof')
  async inclusionProof(@Args('eventId') eventId: string, @Args('treeSize') size: string | null | undefined, @Context() context: GraphQLContext) {
    const principal = requireRole(context, ...ALL_ROLES);
    if (!isUuid(eventId)) throw apiError('BAD_USER_INPUT', 'must be an event id (a UUID)', 'eventId');
    const id = eventId.toLowerCase();
    const subjects = await this.subjectsOf(id, principal);
    const document = await this.proofs.inclusion(id, size === null || size === undefined ? undefined : treeSize(size, 'treeSize'));
    await this.audit.record(principal, 'inclusionProof', subjects);
    return { eventId: id, leafIndex: document.leafIndex, leaf: document.leaf, entry: document.entry ?? null, leafHash: document.leafHash, auditPath: document.auditPath, head: headView(document.head), document };
  }

  @Query('consistencyProof')
  async consistencyProof(@Args('fromSize') fromSize: string, @Args('toSize') toSize: string, @Context() context: GraphQLContext) {
    requireRole(context, ...ALL_ROLES);
    const document = await this.proofs.consistency(treeSize(fromSize, 'fromSize'), treeSize(toSize, 'toSize'));
    return { ...document, fromHead: document.fromHead && headView(document.fromHead), toHead: document.toHead && headView(document.toHead), document };
  }

  /**
   * The subjects an event is about (named in it, or in the access history's lines of it), once the principal is
   * found entitled to its proof, which shows the whole event: an organization only for its own activity, a
   * subject only for events about themselves, an operator only for events about no one (operators keep the
   * service running; they read no personal history).
   */
  private async subjectsOf(eventId: string, principal: Principal): Promise<string[]> {
    const events = await this.store.readEvents([eventId]);
    const subjects = [...new Set(events.flatMap((e) => subjectsNamedBy(e.data)))];
    // Every access-history line of an event is about a subject it names.
    // (A line's subject is a UUID; an event stored by other means may name anything.)
    const rows = await this.history.linesOf(eventId, subjects.filter(isUuid));
    if (principal.role === 'OPERATOR' && subjects.length > 0) throw apiError('FORBIDDEN', 'an operator gets proofs only of events about no one (an auditor proves events about people, and is recorded)');
    if (principal.role === 'ORGANIZATION' && !rows.some((r) => r.organizationId === principal.organizationId || r.counterpartyId === principal.organizationId)) {
      throw apiError('FORBIDDEN', 'an organization gets proofs only of events in its own activity (where it acted or was the counterparty)');
    }
    if (principal.role === 'SUBJECT') {
      const ownLine = rows.some((r) => r.subjectId === principal.subjectId && !r.nonDisclosure);
      const ownStream = events.some((e) => e.streamId === `subject-${principal.subjectId}`);
      if (!ownLine && !ownStream) throw apiError('FORBIDDEN', 'a subject gets proofs only of events about themselves');
    }
    return subjects;
  }
}
