import { z } from 'zod';
import { domainEvent, entityId, type EventData, type IdentifierIssued } from '#vocabulary';
import { edgeInstant as instant } from '../domain/edge.grammar.js';
import { issuedIdentifierInput } from '../application/privacy-edge.js';
import { defineCommand } from '../application/command.js';
import { type IdentifierState } from '../domain/aggregates/identifier.aggregate.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { Subject, type SubjectState } from '../domain/aggregates/subject.aggregate.js';
import { requireOrganization, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { invalid, invariant } from '../domain/domain.errors.js';
import { issueIdentifier } from './issue-identifier.command.js';

/** 番号の付番 on enrolment: the subject's stream and each identifier's stream, written together. */
export function enrollSubject(
  subject: Loaded<SubjectState>,
  enroller: Loaded<OrganizationState>,
  identifiers: { loaded: Loaded<IdentifierState>; data: EventData<typeof IdentifierIssued> }[],
  occurredAt: string,
): StreamWrite[] {
  requireOrganization(enroller, 'payload.enrolledBy');
  if (subject.state.enrolled) throw invariant('commandId', 'this subject is already enrolled');
  // Two entries naming one identifier (the same value, written two ways) would issue it twice in one append.
  const named = new Map<string, number>();
  identifiers.forEach(({ loaded }, i) => {
    const first = named.get(loaded.streamId);
    if (first !== undefined) throw invalid(`payload.identifiers[${i}]`, `names the same identifier as payload.identifiers[${first}]`);
    named.set(loaded.streamId, i);
  });
  const subjectId = subject.streamId.slice('subject-'.length);
  return [
    write(subject, domainEvent('SubjectEnrolled', { subjectId, enrolledBy: enroller.streamId.slice('organization-'.length), occurredAt })),
    ...identifiers.map(({ loaded, data }, i) => issueIdentifier(loaded, enroller, data, `payload.identifiers[${i}]`)),
  ];
}

/** 本人の登録 — a subject enrolled with the identifiers first issued to them. */
export const EnrollSubject = defineCommand({
  type: 'EnrollSubject',
  emits: ['SubjectEnrolled', 'IdentifierIssued'],
  payload: z.strictObject({ enrolledBy: entityId, identifiers: z.array(issuedIdentifierInput).min(1, 'must name at least one identifier').max(20), occurredAt: instant }),
  handle: async (p, ctx) => {
    ctx.authorize('payload.enrolledBy', p.enrolledBy);
    const subjectId = ctx.derivedId('subject');
    const identifiers = await Promise.all(
      p.identifiers.map(async (input, i) => {
        const id = await ctx.identifier(input, `payload.identifiers[${i}]`);
        const data = { subjectId, kind: id.kind, fingerprint: id.fingerprint, scope: id.scope, issuedBy: p.enrolledBy, validUntil: input.validUntil ?? null, occurredAt: p.occurredAt };
        return { loaded: id.loaded, data };
      }),
    );
    return enrollSubject(await ctx.load(Subject, subjectId), await ctx.load(Organization, p.enrolledBy), identifiers, p.occurredAt);
  },
});
