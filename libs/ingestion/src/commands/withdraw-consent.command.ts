import { z } from 'zod';
import { domainEvent, entityId } from '#vocabulary';
import { edgeInstant as instant } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { identifierInput } from '../application/privacy-edge.js';
import { Subject, type SubjectState } from '../domain/aggregates/subject.aggregate.js';
import { write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { invariant, notFound } from '../domain/domain.errors.js';

/** Consent can only be withdrawn if it was granted and not withdrawn since. */
export function withdrawConsent(subject: Loaded<SubjectState>, consentId: string, occurredAt: string): StreamWrite {
  const consent = subject.state.consents[consentId];
  if (!consent) throw notFound('payload.consentId', `this subject never granted consent "${consentId}"`);
  if (!consent.granted) throw invariant('payload.consentId', `consent "${consentId}" is already withdrawn`);
  const subjectId = subject.streamId.slice('subject-'.length);
  const { organizationId, scope, purpose } = consent;
  return write(subject, domainEvent('ConsentWithdrawn', { consentId, subjectId, organizationId, scope, purpose, occurredAt }));
}

/** 同意の撤回 — a consent withdrawn. */
export const WithdrawConsent = defineCommand({
  type: 'WithdrawConsent',
  emits: ['ConsentWithdrawn'],
  payload: z.strictObject({ consentId: entityId, subject: identifierInput, occurredAt: instant }),
  handle: async (p, ctx) => {
    const { subjectId } = await ctx.subject(p.subject, 'payload.subject');
    const subject = await ctx.load(Subject, subjectId);
    const consent = subject.state.consents[p.consentId];
    if (consent) ctx.authorize('payload.consentId', consent.organizationId);
    return [withdrawConsent(subject, p.consentId, p.occurredAt)];
  },
});
