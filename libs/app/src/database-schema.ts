import type { Schema } from '#database';
import { MIGRATIONS } from '#migrations';

/** The whole database schema of the app: every migration (the read models' tables are theirs; no ORM entities). */
export const DATABASE_SCHEMA: Schema = {
  migrations: MIGRATIONS,
};
