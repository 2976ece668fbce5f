import type { z } from 'zod';
import { DomainError, invalid } from '../domain/domain.errors.js';

/** The first issue of a schema failure as a DomainError naming the field path (`payload.records[1]`). */
export function schemaError(error: z.ZodError, prefix = ''): DomainError {
  const issue = error.issues[0]!;
  const path = issue.path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    prefix,
  );
  const reason = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
  return invalid(path || '(command)', reason);
}

/** A command that could not be stored after retries because others kept writing the same streams. */
export class CommandConflictError extends Error {
  readonly code = 'CONFLICT';
  constructor(readonly field: string, readonly reason: string) {
    super(`${field}: ${reason}`);
  }
}
