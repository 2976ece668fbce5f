import { z } from 'zod';
import { domainEvent, entityId, RETIREMENT_REASONS, type EventData, type IdentifierRetired } from '#vocabulary';
import { edgeInstant as instant } from '../domain/edge.grammar.js';
import { defineCommand } from '../application/command.js';
import { identifierInput } from '../application/privacy-edge.js';
import { type IdentifierState } from '../domain/aggregates/identifier.aggregate.js';
import { Organization, type OrganizationState } from '../domain/aggregates/organization.aggregate.js';
import { issuedState, requireOrganization, write, type Loaded, type StreamWrite } from '../domain/decision.js';
import { forbidden, invariant } from '../domain/domain.errors.js';

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

/** 失効 — an identifier retired (rotated, leaked, expired), never issued again. */
export const RetireIdentifier = defineCommand({
  type: 'RetireIdentifier',
  emits: ['IdentifierRetired'],
  payload: z.strictObject({ retiredBy: entityId, identifier: identifierInput, reason: z.enum(RETIREMENT_REASONS), occurredAt: instant }),
  handle: async (p, ctx) => {
    ctx.authorize('payload.retiredBy', p.retiredBy);
    const id = await ctx.identifier(p.identifier, 'payload.identifier');
    const subjectId = id.loaded.state.issued ? id.loaded.state.subjectId : '00000000-0000-0000-0000-000000000000';
    const data = { subjectId, kind: id.kind, fingerprint: id.fingerprint, reason: p.reason, retiredBy: p.retiredBy, occurredAt: p.occurredAt };
    return [retireIdentifier(id.loaded, await ctx.load(Organization, p.retiredBy), data)];
  },
});
