import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DATABASE, type Database } from '#database';
import { RegisteredDataset, RegisteredOrganization } from '#registry';

/** An organization as answers show it: registered, or just its id when it never was. */
export type OrganizationView = { id: string; name: string | null; kind: string | null; domains: string[]; registeredAt: Date | null };

@Injectable()
export class RegistryLookup {
  /**
   * Registered organizations, kept once read: no event changes a registered organization, so they never go
   * stale. Ids not (yet) registered are not kept, so a later registration shows at once.
   */
  private readonly registered = new Map<string, OrganizationView>();

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Many organizations in at most one query (a page of history names a handful). */
  async organizations(ids: Iterable<string | null>): Promise<Map<string, OrganizationView>> {
    const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
    const missing = wanted.filter((id) => !this.registered.has(id));
    if (missing.length > 0) {
      for (const found of await this.database.dataSource.getRepository(RegisteredOrganization).findBy({ id: In(missing) })) this.registered.set(found.id, found);
    }
    return new Map(wanted.map((id) => [id, this.registered.get(id) ?? { id, name: null, kind: null, domains: [], registeredAt: null }]));
  }

  organization(id: string): Promise<RegisteredOrganization | null> {
    return this.database.dataSource.getRepository(RegisteredOrganization).findOneBy({ id });
  }

  dataset(id: string): Promise<RegisteredDataset | null> {
    return this.database.dataSource.getRepository(RegisteredDataset).findOneBy({ id });
  }
}
