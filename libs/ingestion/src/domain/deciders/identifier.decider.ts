import { forbidden, invariant, notFound } from '../domain.errors.js';
import type { IdentifierState } from '../aggregates/identifier.aggregate.js';
import type { OrganizationState } from '../aggregates/organization.aggregate.js';
import type { SubjectState } from '../aggregates/subject.aggregate.js';
import { domainEvent, type EventData, type IdentifierIssued, type IdentifierRetired, type IdentifierSucceeded } from '#vocabulary';
import { write, type Loaded, type StreamWrite } from './decision.js';
import { requireOrganization } from './organization.decider.js';

/** An issued identifier's state; a never-issued identifier names nobody. */
function issuedState(identifier: Loaded<IdentifierState>, field: string): Extract<IdentifierState, { issued: true }> {
  if (!identifier.state.issued) throw notFound(field, 'no subject is enrolled with this identifier');
  return identifier.state;
}

/** The subject an issued identifier names. */
export const subjectOf = (identifier: Loaded<IdentifierState>, field: string): string => issuedState(identifier, field).subjectId;

/** 付番: an identifier is issued once, to one subject; a scoped one by the organization it is scoped to. */
export function issueIdentifier(
  identifier: Loaded<IdentifierState>,
  issuer: Loaded<OrganizationState>,
  data: EventData<typeof IdentifierIssued>,
  field: string,
): StreamWrite {
  requireOrganization(issuer, 'payload.issuedBy');
  // An organization's own numbering is issued by it; agency-specific codes by the Digital Agency's network for each agency.
  const byNetwork = data.kind === 'AGENCY_CODE' && issuer.state.kind === 'MINISTRY';
  if (data.scope !== null && data.issuedBy !== data.scope && !byNetwork) {
    throw forbidden(`${field}.scope`, `"${data.issuedBy}" issues only identifiers of its own numbering, not one scoped to "${data.scope}"`);
  }
  if (identifier.state.issued) {
    throw invariant(
      field,
      identifier.state.retired
        ? 'this identifier was retired and is never issued again'
        : identifier.state.subjectId === data.subjectId
          ? 'this identifier is already issued to this subject'
          : 'this identifier is already issued to another subject',
    );
  }
  return write(identifier, domainEvent('IdentifierIssued', data));
}

/** 番号の付番 on enrolment: the subject's stream and each identifier's stream, written together. */
export function enrollSubject(
  subject: Loaded<SubjectState>,
  enroller: Loaded<OrganizationState>,
  identifiers: { loaded: Loaded<IdentifierState>; data: EventData<typeof IdentifierIssued> }[],
  occurredAt: string,
): StreamWrite[] {
  requireOrganization(enroller, 'payload.enrolledBy');
  if (subject.state.enrolled) throw invariant('commandId', 'this subject is already enrolled');
  const subjectId = subject.streamId.slice('subject-'.length);
  return [
    write(subject, domainEvent('SubjectEnrolled', { subjectId, enrolledBy: enroller.streamId.slice('organization-'.length), occurredAt })),
    ...identifiers.map(({ loaded, data }, i) => issueIdentifier(loaded, enroller, data, `payload.identifiers[${i}]`)),
  ];
}

/** Kinds a municipality changes for its residents whoever issued them (番号法第7条第2項, 住民基本台帳法第30条の4). */
const CHANGED_BY_MUNICIPALITIES: readonly string[] = ['MY_NUMBER', 'RESIDENT_CODE'];

/**
 * 失効: an identifier is retired once, by the organization that issued it, the one it is scoped to, or for a My
 * Number or resident code any municipality (the resident's may have changed since it was issued).
 */
export function retireIdentifier(identifier: Loaded<IdentifierState>, retirer: Loaded<OrganizationState>, data: EventData<typeof IdentifierRetired>): StreamWrite {
  requireOrganization(retirer, 'payload.retiredBy');
  const { issuedBy, scope, kind, retired } = issuedState(identifier, 'payload.identifier');
  const byMunicipality = CHANGED_BY_MUNICIPALITIES.includes(kind) && retirer.state.kind === 'MUNICIPALITY';
  if (data.retiredBy !== issuedBy && data.retiredBy !== scope && !byMunicipality) {
    throw forbidden('payload.retiredBy', `"${data.retiredBy}" neither issued this ${kind} nor holds its scope${CHANGED_BY_MUNICIPALITIES.includes(kind) ? ', and is no municipality' : ''}, so it cannot retire it`);
  }
  if (retired) throw invariant('payload.identifier', 'this identifier is already retired');
  return write(identifier, domainEvent('IdentifierRetired', data));
}

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
