import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { openRuntime, type Runtime } from './runtime.js';

/**
 * Builds the app over a runtime (database and fingerprint key), by default the one the environment
 * describes: `DATABASE_URL` or the embedded PGlite.
 */
export async function createApp(runtime?: Runtime, options: { logger?: false } = {}): Promise<INestApplication> {
  const { database, fingerprintKey } = runtime ?? (await openRuntime());
  const app = await NestFactory.create(AppModule.forRoot({ database, fingerprintKey }), {
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.enableShutdownHooks();
  return app;
}
