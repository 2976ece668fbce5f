import { z } from 'zod';
import { domainEvent, entityId, type ConsentGranted, type EventData } from '#vocabulary';
import { edgeInstant as instant, edgeText as text } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { identifierInput } from '../application/privacy-edge.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { Subject, type SubjectState } from '../domain/aggregates/subject.aggregate.js';
import { requireOrganization, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { invariant, notFound } from '../domain/domain.errors.js';

/** 同意: given by an enrolled subject to a registered organization, once per consent id. */
export function grantConsent(subject: Loaded<SubjectState>, organization: Loaded<OrganizationState>, data: EventData<typeof ConsentGranted>): StreamWrite {
  requireOrganization(organization, 'payload.organizationId');
  if (!subject.state.enrolled) throw notFound('payload.subject', 'the subject is not enrolled');
  const known = subject.state.consents[data.consentId];
  if (known?.granted) throw invariant('payload.consentId', `consent "${data.consentId}" is already granted`);
  // A consent's life is one grant and its withdrawal (the findings read model keeps one row for it).
  if (known) throw invariant('payload.consentId', `consent "${data.consentId}" was withdrawn: a consent id names one grant, so a new grant takes a new id`);
  return write(subject, domainEvent('ConsentGranted', data));
}

/** 同意 — a subject's consent given to an organization. */
export const GrantConsent = defineCommand({
  type: 'GrantConsent',
  emits: ['ConsentGranted'],
  payload: z.strictObject({ consentId: entityId, subject: identifierInput, organizationId: entityId, scope: text(200), purpose: text(), occurredAt: instant }),
  handle: async (p, ctx) => {
    ctx.authorize('payload.organizationId', p.organizationId);
    const { subject, ...rest } = p;
    const { subjectId } = await ctx.subject(subject, 'payload.subject');
    return [grantConsent(await ctx.load(Subject, subjectId), await ctx.load(Organization, p.organizationId), { ...rest, subjectId })];
  },
});
