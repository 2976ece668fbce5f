import { z } from 'zod';
import { entityId, fingerprint, instant, text } from '../vocabulary.js';
import { defineEvent } from './domain-event.js';

/** Fingerprints of one basic-4 value at each normalization or generalization level. */
const levels = <L extends string>(names: readonly [L, ...L[]]) =>
  z.strictObject(Object.fromEntries(names.map((level) => [level, fingerprint])) as Record<L, typeof fingerprint>);

/**
 * A record's basic-4 information (基本4情報) as the store keeps it: keyed fingerprints only, at every level
 * at which name-matching is measured. A field the dataset does not hold is absent.
 */
export const basic4Fingerprints = z.strictObject({
  nameKanji: levels(['RAW', 'NFKC', 'KANA', 'VARIANT']).optional(),
  nameKana: levels(['RAW', 'NFKC', 'KANA', 'VARIANT']).optional(),
  birthDate: levels(['DAY', 'MONTH', 'YEAR']).optional(),
  sex: fingerprint.optional(),
  address: levels(['FULL', 'MUNICIPALITY', 'PREFECTURE']).optional(),
});
export type Basic4Fingerprints = z.output<typeof basic4Fingerprints>;

/** One subject's entry in one dataset, with the identifiers the record is keyed by (fingerprints). */
export const RecordRegistered = defineEvent(
  'RecordRegistered',
  1,
  z.strictObject({
    recordId: entityId,
    datasetId: entityId,
    holderId: entityId,
    subjectId: z.uuid(),
    identifiers: z.array(fingerprint),
    basic4: basic4Fingerprints,
    occurredAt: instant,
  }),
);

/** A correction of a record's basic-4 information (a move, a change of name); the fields given replace the old ones. */
export const RecordAmended = defineEvent(
  'RecordAmended',
  1,
  z.strictObject({
    recordId: entityId,
    datasetId: entityId,
    subjectId: z.uuid(),
    basic4: basic4Fingerprints,
    reason: text(200),
    occurredAt: instant,
  }),
);
