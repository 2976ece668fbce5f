import { AccessHistoryEntry } from '#access-history';
import type { Schema } from '#database';
import { MIGRATIONS } from '#migrations';

/** The whole database schema of the app: every read model's TypeORM entities, and every migration. */
export const DATABASE_SCHEMA: Schema = {
  entities: [AccessHistoryEntry],
  migrations: MIGRATIONS,
};
