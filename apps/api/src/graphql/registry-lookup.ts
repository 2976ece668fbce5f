import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DATABASE, type Database } from '#database';
import { RegisteredDataset, RegisteredOrganization } from '#registry';

/** An organization as answers show it: registered, or just its id when it never was. */
export type OrganizationView = { id: string; name: string | null; kind: string | null; domains: string[]; registeredAt: Date | null };

@Injectable()
export class RegistryLookup {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Many organizations in one query (a page of history names a handful). */
  async organizations(ids: Iterable<string | null>): Promise<Map<string, OrganizationView>> {
    const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
    const found = wanted.length ? await this.database.dataSource.getRepository(RegisteredOrganization).findBy({ id: In(wanted) }) : [];
    const byId = new Map(found.map((o) => [o.id, o as OrganizationView]));
    return new Map(wanted.map((id) => [id, byId.get(id) ?? { id, name: null, kind: null, domains: [], registeredAt: null }]));
  }

  organization(id: string): Promise<RegisteredOrganization | null> {
    return this.database.dataSource.getRepository(RegisteredOrganization).findOneBy({ id });
  }

  dataset(id: string): Promise<RegisteredDataset | null> {
    return this.database.dataSource.getRepository(RegisteredDataset).findOneBy({ id });
  }
}
