import 'reflect-metadata';
import { ConsoleLogger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDistDirectory } from 'altair-static';
import express from 'express';
import { AppModule } from './app.module.js';
import { CONSOLE_PATH, consoleRouter, IDE_ASSETS_PATH, useStrictJsonBodies } from '#api';
import { openRuntime, type Runtime } from './runtime.js';

/**
 * Builds the app over a runtime (database and fingerprint key), by default the one the environment
 * describes: `DATABASE_URL` or the embedded PGlite.
 */
export async function createApp(runtime?: Runtime, options: { logger?: LoggerService | false } = {}): Promise<INestApplication> {
  const { database, fingerprintKey, eventStore } = runtime ?? (await openRuntime());
  // HIMOTOKI_PROJECTOR=off: this server only serves, and `himotoki project` follows the log elsewhere.
  const runProjector = process.env.HIMOTOKI_PROJECTOR !== 'off';
  const app = await NestFactory.create(AppModule.forRoot({ database, fingerprintKey, runProjector, eventStore }), {
    // Structured JSON lines for log collectors; HIMOTOKI_LOG_FORMAT=pretty for a terminal.
    logger: options.logger ?? new ConsoleLogger({ json: process.env.HIMOTOKI_LOG_FORMAT !== 'pretty', logLevels: ['error', 'warn', 'log'] }),
    abortOnError: false,
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  app.enableShutdownHooks();
  useStrictJsonBodies(app);
  // The IDE's own files, so that /graphql works in a browser with no internet.
  app.use(IDE_ASSETS_PATH, express.static(getDistDirectory(), { fallthrough: false }));
  // The people's pages (citizens, auditors, organizations) over the same GraphQL API.
  app.use(CONSOLE_PATH, consoleRouter());
  return app;
}
