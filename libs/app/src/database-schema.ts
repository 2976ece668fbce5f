import { AccessHistoryEntry } from '#access-history';
import type { Schema } from '#database';
import { StoredFinding, TieWithCutOff } from '#findings';
import { MIGRATIONS } from '#migrations';
import { RegisteredDataset, RegisteredOrganization } from '#registry';

/** The whole database schema of the app: every read model's TypeORM entities, and every migration. */
export const DATABASE_SCHEMA: Schema = {
  entities: [AccessHistoryEntry, RegisteredOrganization, RegisteredDataset, StoredFinding, TieWithCutOff],
  migrations: MIGRATIONS,
};
