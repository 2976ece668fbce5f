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
  app.use((error: { status?: number; statusCode?: number; reason?: string; message?: string; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    const status = error.status ?? error.statusCode;
    if (res.headersSent || typeof status !== 'number' || status < 400 || status >= 500) return next(error);
    const reason = error.reason ?? (error.type === 'entity.parse.failed' ? 'the body is not JSON' : (error.message ?? 'the body cannot be read'));
    res.status(status).json({ errors: [{ message: `body: ${reason}`, extensions: { code: 'BAD_USER_INPUT', field: 'body', reason } }] });
  });
}
