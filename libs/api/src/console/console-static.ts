import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/** Where the console is served: the people's pages (apps/console), built into dist/console by `npm run build`. */
export const CONSOLE_PATH = '/console';

/** dist/console above this file, whether it runs from the sources or from dist/. */
function consoleFolder(): string | undefined {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(folder, 'schema', 'common.graphql'))) {
      const built = join(folder, 'dist', 'console');
      return existsSync(join(built, 'index.html')) ? built : undefined;
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * The console's files, and its index.html for every page path (the pages route in the browser). Its policy
 * lets a page load and ask only this server, so nothing a person reads leaves the machine; the token travels
 * in the URL fragment, which no browser sends, so it reaches no request line nor log.
 */
export function consoleRouter(): Router {
  const router = express.Router();
  const folder = consoleFolder();
  router.use((_request, response, next) => {
    response.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  if (!folder) {
    router.use((_request, response) => {
      response.status(503).type('text/plain').send('The console is not built: run `npm run build` (npm ci does it).\n');
    });
    return router;
  }
  // Hashed asset names never change content: cache them; index.html is always asked anew.
  router.use('/assets', express.static(join(folder, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  const index = join(folder, 'index.html');
  router.get(/.*/, (_request, response) => {
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return router;
}
