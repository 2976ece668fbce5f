import { GraphQLError, parse, visit, type ASTNode, type DocumentNode, type GraphQLFormattedError, type Location, type Source, type ValueNode } from 'graphql';
import { InvalidAppendError, EventIdConflictError, WrongExpectedRevisionError } from '#event-store';
import { CommandConflictError, DomainError, checkText } from '#ingestion';
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

/** Apollo's codes for a document that does not parse or validate: the client's input, answered as BAD_USER_INPUT. */
const DOCUMENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

/** Documents parsed again to find where their errors point: once per document, however many errors it has. */
const reparsed = new WeakMap<Source, DocumentNode>();

/**
 * The argument, and the field or item inside it, where a validation error points (`filter.from`, `kinds[1]`);
 * `query` when it points at no argument (an unknown field, a document too deep).
 */
export function inputPathOf(node: ASTNode | undefined): string {
  const at = node?.loc;
  if (!at) return 'query';
  const encloses = (n: { loc?: Location | undefined }) => n.loc !== undefined && n.loc.start <= at.start && at.end <= n.loc.end;
  const within = (path: string, value: ValueNode): string => {
    if (value.kind === 'ObjectValue') {
      const field = value.fields.find(encloses);
      return field ? within(`${path}.${field.name.value}`, field.value) : path;
    }
    if (value.kind === 'ListValue') {
      const i = value.values.findIndex(encloses);
      return i >= 0 ? within(`${path}[${i}]`, value.values[i]!) : path;
    }
    return path;
  };
  let document = reparsed.get(at.source);
  if (!document) reparsed.set(at.source, (document = parse(at.source)));
  let path = 'query';
  visit(document, { Argument: (argument) => void (path === 'query' && encloses(argument) && (path = within(argument.name.value, argument.value))) });
  return path;
}

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
  if (typeof code === 'string' && DOCUMENT_CODES.has(code)) {
    const field = code === 'GRAPHQL_VALIDATION_FAILED' && error instanceof GraphQLError ? inputPathOf(error.nodes?.[0]) : 'query';
    return answer('BAD_USER_INPUT', formatted.message, { field, reason: formatted.message });
  }
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _, exception: __, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, path, locations, extensions };
  }
  log(original);
  return answer('INTERNAL_SERVER_ERROR', 'internal error: it was logged; the request changed nothing it did not report');
}

/**
 * A request error (GraphQL over HTTP: the request could not be executed as sent), answered with HTTP 400 and
 * not 500: Apollo answers an error raised before execution with the status its `http` extension names.
 */
export function requestError(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, http: { status: 400 } } });
}

/**
 * The first string a request gives (a literal argument or a variable, at any depth) that the edge's text
 * grammar refuses (`checkText`: a lone surrogate, a control or format character), named by its path; or null.
 * No such string reaches a resolver, a query or the log.
 */
export function textError(document: DocumentNode, variables: Record<string, unknown>): GraphQLError | null {
  const refuse = (field: string, reason: string, node?: ASTNode) =>
    new GraphQLError(`${field}: ${reason}`, { nodes: node, extensions: { code: 'BAD_USER_INPUT', field, reason } });
  const inValue = (value: unknown, path: string): GraphQLError | null => {
    if (typeof value === 'string') {
      const verdict = checkText(value);
      return verdict.ok ? null : refuse(path, verdict.reason);
    }
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        const error = inValue(item, `${path}[${i}]`);
        if (error) return error;
      }
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const error = inValue(item, `${path}.${key}`);
        if (error) return error;
      }
    }
    return null;
  };
  const fromVariables = inValue(variables, 'variables');
  if (fromVariables) return fromVariables;
  // The document's literals are checked once per document (Apollo hands over the same parsed document for the same text).
  let verdict = literalVerdicts.get(document);
  if (verdict === undefined) {
    let found: GraphQLError | null = null;
    visit(document, {
      StringValue(node) {
        // A block string may hold its own line breaks and tabs; nothing else invisible.
        const checked = checkText(node.block ? node.value.replace(/[\n\r\t]/g, ' ') : node.value);
        if (!found && !checked.ok) found = refuse(inputPathOf(node), checked.reason, node);
      },
    });
    literalVerdicts.set(document, (verdict = found));
  }
  return verdict && new GraphQLError(verdict.message, { nodes: verdict.nodes, extensions: verdict.extensions });
}

const literalVerdicts = new WeakMap<DocumentNode, GraphQLError | null>();
