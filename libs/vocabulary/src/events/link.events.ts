import { z } from 'zod';
import { IDENTIFIER_KINDS, entityId, instant, staffCode, text } from '../vocabulary.js';
import { defineEvent } from './domain-event.js';

/** The key a tie was made through: a shared identifier, or matching on basic-4 information (名寄せ). */
export const linkKey = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('IDENTIFIER'), identifierKind: z.enum(IDENTIFIER_KINDS) }),
  z.strictObject({ by: z.literal('BASIC4') }),
]);

/** 紐付け — a tie between two records, made by an organization for a purpose under a legal basis. */
export const RecordsLinked = defineEvent(
  'RecordsLinked',
  1,
  z.strictObject({
    linkId: entityId,
    records: z.tuple([entityId, entityId]),
    datasets: z.tuple([entityId, entityId]),
    subjects: z.tuple([z.uuid(), z.uuid()]),
    key: linkKey,
    organizationId: entityId,
    staffCode,
    purpose: text(),
    legalBasis: text().nullable(),
    /** When the tie is expected to be cut (使用後の紐付け解除); null when it is meant to last. */
    expectedCutOffAt: instant.nullable(),
    occurredAt: instant,
  }),
);

/** 紐付け解除 — a tie is cut after use. */
export const RecordsUnlinked = defineEvent(
  'RecordsUnlinked',
  1,
  z.strictObject({
    linkId: entityId,
    records: z.tuple([entityId, entityId]),
    subjects: z.tuple([z.uuid(), z.uuid()]),
    organizationId: entityId,
    staffCode,
    reason: text(),
    occurredAt: instant,
  }),
);
