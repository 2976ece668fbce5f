import { invariant, notFound } from '../domain.errors.js';
import type { OrganizationState } from '../aggregates/organization.aggregate.js';
import type { SubjectState } from '../aggregates/subject.aggregate.js';
import { type ConsentGranted, domainEvent, type EventData } from '#vocabulary';
import { write, type Loaded, type StreamWrite } from './decision.js';
import { requireOrganization } from './organization.decider.js';

export function grantConsent(subject: Loaded<SubjectState>, organization: Loaded<OrganizationState>, data: EventData<typeof ConsentGranted>): StreamWrite {
  requireOrganization(organization, 'payload.organizationId');
  if (!subject.state.enrolled) throw notFound('payload.subject', 'the subject is not enrolled');
  if (subject.state.consents[data.consentId]?.granted) throw invariant('payload.consentId', `consent "${data.consentId}" is already granted`);
  return write(subject, domainEvent('ConsentGranted', data));
}

/** Consent can only be withdrawn if it was granted and not withdrawn since. */
export function withdrawConsent(subject: Loaded<SubjectState>, consentId: string, occurredAt: string): StreamWrite {
  const consent = subject.state.consents[consentId];
  if (!consent) throw notFound('payload.consentId', `this subject never granted consent "${consentId}"`);
  if (!consent.granted) throw invariant('payload.consentId', `consent "${consentId}" is already withdrawn`);
  const subjectId = subject.streamId.slice('subject-'.length);
  const { organizationId, scope, purpose } = consent;
  return write(subject, domainEvent('ConsentWithdrawn', { consentId, subjectId, organizationId, scope, purpose, occurredAt }));
}
