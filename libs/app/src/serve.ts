import type { INestApplication } from '@nestjs/common';
import { createApp } from './create-app.js';
import type { Runtime } from './runtime.js';

/** Starts the HTTP server on `PORT` (default 3000) and `HOST` (default 127.0.0.1). */
export async function serve(runtime?: Runtime): Promise<INestApplication> {
  const app = await createApp(runtime);
  await app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
  console.log(`Himotoki listening on ${await app.getUrl()}`);
  return app;
}
