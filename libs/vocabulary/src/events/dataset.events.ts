import { z } from 'zod';
import { BASIC4_FIELDS, DOMAINS, IDENTIFIER_KINDS, entityId, instant, text } from '../vocabulary.js';
import { defineEvent } from './domain-event.js';

/** 特定個人情報ファイル(or a company's customer file) — what it is for and what it holds. */
export const DatasetRegistered = defineEvent(
  'DatasetRegistered',
  1,
  z.strictObject({
    datasetId: entityId,
    holderId: entityId,
    name: text(200),
    purpose: text(),
    domain: z.enum(DOMAINS),
    legalBasis: text().nullable(),
    keyedBy: z.array(z.enum(IDENTIFIER_KINDS)),
    basic4Fields: z.array(z.enum(BASIC4_FIELDS)),
    occurredAt: instant,
  }),
);
