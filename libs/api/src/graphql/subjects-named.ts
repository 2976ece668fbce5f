/**
 * The subjects an event names (`subjectId`, `subjects`, `subjectIds` in its data): whom showing the event to an
 * auditor touches, whatever its type.
 */
export const subjectsNamedBy = (data: Record<string, unknown>): string[] =>
  ['subjectId', 'subjects', 'subjectIds'].flatMap((key) => [data[key]].flat()).filter((value): value is string => typeof value === 'string');
