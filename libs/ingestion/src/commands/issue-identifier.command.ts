import { z } from 'zod';
import { domainEvent, entityId, type EventData, type IdentifierIssued } from '#vocabulary';
import { edgeInstant as instant } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { identifierInput, issuedIdentifierInput } from '../application/privacy-edge.js';
import { type IdentifierState } from '../domain/aggregates/identifier.aggregate.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { requireOrganization, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { forbidden, invariant } from '../domain/domain.errors.js';

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
    // Not whose it is: telling "this subject" from "another" would let any writer test a number against a person (名寄せ).
    throw invariant(field, identifier.state.retired ? 'this identifier was retired and is never issued again' : 'this identifier is already issued (an identifier is issued once)');
  }
  return write(identifier, domainEvent('IdentifierIssued', data));
}

/** 付番 — an identifier issued to an enrolled subject. */
export const IssueIdentifier = defineCommand({
  type: 'IssueIdentifier',
  emits: ['IdentifierIssued'],
  payload: z.strictObject({ issuedBy: entityId, subject: identifierInput, identifier: issuedIdentifierInput, occurredAt: instant }),
  handle: async (p, ctx) => {
    ctx.authorize('payload.issuedBy', p.issuedBy);
    const { subjectId } = await ctx.subject(p.subject, 'payload.subject');
    const id = await ctx.identifier(p.identifier, 'payload.identifier');
    const data = { subjectId, kind: id.kind, fingerprint: id.fingerprint, scope: id.scope, issuedBy: p.issuedBy, validUntil: p.identifier.validUntil ?? null, occurredAt: p.occurredAt };
    return [issueIdentifier(id.loaded, await ctx.load(Organization, p.issuedBy), data, 'payload.identifier')];
  },
});
