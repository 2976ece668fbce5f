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
  const successorSubject = subjectOf(successor, 'payload.successor');
  // One reason for another kind and another subject: telling them apart would let a writer holding one person's
  // identifier test any number against that person (名寄せ), with nothing written.
  if (successorSubject !== subjectId || (identifier.state.issued && successor.state.issued && identifier.state.kind !== successor.state.kind)) {
    throw invariant('payload.successor', 'the successor must be an identifier of the same kind, issued to the same subject');
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
