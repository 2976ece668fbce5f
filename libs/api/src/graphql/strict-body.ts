import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A body that is not what it says it is: answered 400, as the GraphQL-over-HTTP specification has it. */
class BodyError extends Error {
  readonly status = 400;
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * JSON request bodies decoded strictly: invalid UTF-8 is refused (never read with U+FFFD in place of its bytes),
 * and a body that cannot be read (not JSON, too large, not UTF-8) is answered as a GraphQL request error: its
 * HTTP status, a BAD_USER_INPUT code naming the body and the reason.
 */
export function useStrictJsonBodies(app: INestApplication): void {
  // Named `jsonParser` as Nest's own: Nest then registers no second, lenient one.
  app.use(express.json({
    verify: (_req: unknown, _res: unknown, body: Buffer) => {
      try {
        utf8.decode(body);
      } catch {
        throw new BodyError('the body is not UTF-8: a byte sequence in it is no UTF-8 character');
      }
    },
  }));
  // A POST to /graphql whose body is no GraphQL request: answered here in the API's own shape, not as text.
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    const reason = requestShapeError(req.body);
    if (reason) return void res.status(400).json({ errors: [{ message: `${reason.field}: ${reason.reason}`, extensions: { code: 'BAD_USER_INPUT', ...reason } }] });
    next();
  });
  app.use((error: { status?: number; statusCode?: number; reason?: string; message?: string; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    const status = error.status ?? error.statusCode;
    if (res.headersSent || typeof status !== 'number' || status < 400 || status >= 500) return next(error);
    const reason = error.reason ?? (error.type === 'entity.parse.failed' ? 'the body is not JSON' : (error.message ?? 'the body cannot be read'));
    res.status(status).json({ errors: [{ message: `body: ${reason}`, extensions: { code: 'BAD_USER_INPUT', field: 'body', reason } }] });
  });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What makes a POST body no GraphQL-over-HTTP request (a JSON object with a `query` string), or null. */
function requestShapeError(body: unknown): { field: string; reason: string } | null {
  if (!isObject(body)) return { field: 'body', reason: 'must be a JSON object holding a query' };
  const persisted = isObject(body.extensions) && body.extensions.persistedQuery !== undefined;
  if (typeof body.query !== 'string' && !(persisted && body.query === undefined)) return { field: 'body.query', reason: 'must be the GraphQL document, a string' };
  if (body.variables != null && !isObject(body.variables)) return { field: 'body.variables', reason: 'must be a JSON object of variables by name' };
  if (body.operationName != null && typeof body.operationName !== 'string') return { field: 'body.operationName', reason: 'must be a string' };
  return null;
}
