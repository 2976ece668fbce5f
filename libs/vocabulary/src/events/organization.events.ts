import { z } from 'zod';
import { DOMAINS, ORGANIZATION_KINDS, entityId, instant, items, text } from '../vocabulary.js';
import { defineEvent } from './domain-event.js';

/** 機関・事業者の登録 — an organization that holds datasets or exchanges information joins the platform. */
export const OrganizationRegistered = defineEvent(
  'OrganizationRegistered',
  1,
  z.strictObject({
    organizationId: entityId,
    name: text(200),
    kind: z.enum(ORGANIZATION_KINDS),
    domains: z.array(z.enum(DOMAINS)).min(1, 'must name at least one domain'),
    occurredAt: instant,
  }),
);

/** 許可された情報提供 — a row of the table of permitted provisions (My Number Act appended table 2). */
export const PermittedProvisionRegistered = defineEvent(
  'PermittedProvisionRegistered',
  1,
  z.strictObject({
    permittedProvisionId: entityId,
    requesterId: entityId,
    providerId: entityId,
    procedure: text(),
    items,
    legalBasis: text(),
    occurredAt: instant,
  }),
);
