import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { InvalidAppendError, EventIdConflictError, WrongExpectedRevisionError } from '#event-store';
import { CommandConflictError, DomainError } from '#ingestion';
import { JournalNotReadyError, JournalRangeError, isFailClosedRefusal } from '#journal';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE';

/** An error a client can act on: a code, and for bad input the field path and the reason. */
export function apiError(code: ErrorCode, reason: string, field?: string): GraphQLError {
  return new GraphQLError(field ? `${field}: ${reason}` : reason, { extensions: { code, ...(field ? { field, reason } : {}) } });
}

/** Command payload paths (`payload.records[1]`) as the GraphQL client wrote them (`input.records[1]`). */
const asInputPath = (field: string) => field.replace(/^payload(?=\.|\[|$)/, 'input');

const DOMAIN_CODES: Record<DomainError['code'], ErrorCode> = {
  INVALID_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  INVARIANT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
};

/**
 * Every error leaves as a code and a message that says what to do; nothing internal (no stack, no SQL)
 * reaches a client. Unexpected errors are logged here and answered as INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (error: unknown) => void): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const { path, locations } = formatted;
  const answer = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ message, path, locations, extensions: { code, ...extra } });
  if (original instanceof DomainError) {
    const field = asInputPath(original.field);
    return answer(DOMAIN_CODES[original.code], `${field}: ${original.reason}`, { field, reason: original.reason });
  }
  if (original instanceof InvalidAppendError) return answer('BAD_USER_INPUT', original.message, { field: original.field, reason: original.reason });
  if (original instanceof CommandConflictError || original instanceof EventIdConflictError || original instanceof WrongExpectedRevisionError) {
    return answer('CONFLICT', original.message);
  }
  if (original instanceof JournalRangeError) return answer('BAD_USER_INPUT', original.message, { field: original.field, reason: original.reason });
  if (original instanceof JournalNotReadyError) return answer('NOT_FOUND', original.message);
  // Fail-closed: the journal's newest signed head is too old, so nothing new is recorded.
  if (isFailClosedRefusal(original)) return answer('UNAVAILABLE', original.message, { reason: 'JOURNAL_HEAD_STALE' });
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _, exception: __, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, path, locations, extensions };
  }
  log(original);
  return answer('INTERNAL_SERVER_ERROR', 'internal error: it was logged; the request changed nothing it did not report');
}
