import { z } from 'zod';
import { domainEvent, entityId, type EventData, type IdentifierSucceeded } from '#vocabulary';
import { edgeInstant as instant } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { identifierInput } from '../application/privacy-edge.js';
import { type IdentifierState } from '../domain/aggregates/identifier.aggregate.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { requireOrganization, subjectOf, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { invariant } from '../domain/domain.errors.js';

/** An old identifier is linked to its successor: both issued, of one kind, to one subject, once. */
export function succeedIdentifier(
  identifier: Loaded<IdentifierState>,
  successor: Loaded<IdentifierState>,
  linker: Loaded<OrganizationState>,
  data: EventData<typeof IdentifierSucceeded>,
): StreamWrite {
  requireOrganization(linker, 'payload.linkedBy');
  const subjectId = subjectOf(identifier, 'payload.identifier');
  if (subjectOf(successor, 'payload.successor') !== subjectId) throw invariant('payload.successor', 'the successor belongs to another subject');
  if (identifier.state.issued && successor.state.issued && identifier.state.kind !== successor.state.kind) {
    throw invariant('payload.successor', `a ${identifier.state.kind} is succeeded by an identifier of the same kind, not a ${successor.state.kind}`);
  }
  if (identifier.state.issued && identifier.state.successor) throw invariant('payload.identifier', 'this identifier already has a successor');
  if (identifier.streamId === successor.streamId) throw invariant('payload.successor', 'an identifier cannot succeed itself');
  return write(identifier, domainEvent('IdentifierSucceeded', data));
}

/** 後継の紐付け — an old identifier (a JPKI serial) followed to its successor. */
export const LinkIdentifierSuccessor = defineCommand({
  type: 'LinkIdentifierSuccessor',
  emits: ['IdentifierSucceeded'],
  payload: z.strictObject({
      linkedBy: entityId,
      identifier: identifierInput,
      successor: identifierInput,
      consentReference: entityId.nullish().transform((v) => v ?? null),
      occurredAt: instant,
    }),
  handle: async (p, ctx) => {
    ctx.authorize('payload.linkedBy', p.linkedBy);
    const old = await ctx.identifier(p.identifier, 'payload.identifier');
    const next = await ctx.identifier(p.successor, 'payload.successor');
    const subjectId = old.loaded.state.issued ? old.loaded.state.subjectId : '00000000-0000-0000-0000-000000000000';
    const data = {
      subjectId,
      kind: old.kind,
      fingerprint: old.fingerprint,
      successorFingerprint: next.fingerprint,
      consentReference: p.consentReference,
      linkedBy: p.linkedBy,
      occurredAt: p.occurredAt,
    };
    return [succeedIdentifier(old.loaded, next.loaded, await ctx.load(Organization, p.linkedBy), data)];
  },
});
