import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { databaseOptionsFromEnv, migrate, openDatabase, type Database } from '#database';
import { MIGRATIONS } from '#migrations';
import { AppModule } from './app.module.js';

/**
 * Builds the app: over the given database, or over `DATABASE_URL` / the embedded PGlite as the environment
 * says. Migrations run first, so the app never serves an old schema.
 */
export async function createApp(database?: Database): Promise<INestApplication> {
  const db = database ?? (await openDatabase(databaseOptionsFromEnv()));
  await migrate(db, MIGRATIONS);
  const app = await NestFactory.create(AppModule.forRoot(db), { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  return app;
}
