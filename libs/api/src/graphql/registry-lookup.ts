import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DATABASE, type Database } from '#database';
import { RegisteredDataset, RegisteredOrganization, knownAuthority } from '#registry';

/** An organization as answers show it: registered, an oversight body the platform names itself, or just its id. */
export type OrganizationView = { id: string; name: string | null; nameEn: string | null; kind: string | null; domains: string[]; registeredAt: Date | null };

/** An organization never registered: named when it is an oversight body the platform knows (ppc: 個人情報保護委員会), else only its id. */
export function unregisteredOrganization(id: string): OrganizationView {
  const known = knownAuthority(id);
  return known
    ? { id, name: known.name, nameEn: known.nameEn, kind: known.kind, domains: [...known.domains], registeredAt: null }
    : { id, name: null, nameEn: null, kind: null, domains: [], registeredAt: null };
}

const UNREGISTERED_TTL_MS = 1000;

@Injectable()
export class RegistryLookup {
  /**
   * Registered organizations, kept once read: no event changes a registered organization, so they never go
   * stale. An id not (yet) registered is remembered as such for a second only, so that a later registration
   * shows within a second, and a page naming an unregistered party (an auditor's office, say) does not cost
   * every request a query.
   */
  private readonly registered = new Map<string, OrganizationView>();
  private readonly unregisteredUntil = new Map<string, number>();
  /** Registered datasets, kept once read for the same reason: a registration is never amended. */
  private readonly registeredDatasets = new Map<string, RegisteredDataset>();

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Many organizations in at most one query (a page of history names a handful). */
  async organizations(ids: Iterable<string | null>): Promise<Map<string, OrganizationView>> {
    const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
    const now = Date.now();
    const missing = wanted.filter((id) => !this.registered.has(id) && !((this.unregisteredUntil.get(id) ?? 0) > now));
    if (missing.length > 0) {
      for (const found of await this.database.dataSource.getRepository(RegisteredOrganization).findBy({ id: In(missing) })) this.registered.set(found.id, { ...found, nameEn: null });
      for (const id of missing) if (!this.registered.has(id)) this.unregisteredUntil.set(id, now + UNREGISTERED_TTL_MS);
    }
    return new Map(wanted.map((id) => [id, this.registered.get(id) ?? unregisteredOrganization(id)]));
  }

  /** A registered organization, or an oversight body the platform names itself; null for any other id. */
  async organization(id: string): Promise<OrganizationView | null> {
    const view = (await this.organizations([id])).get(id)!;
    return view.name === null ? null : view;
  }

  dataset(id: string): Promise<RegisteredDataset | null> {
    return this.database.dataSource.getRepository(RegisteredDataset).findOneBy({ id });
  }

  /** Many datasets in at most one query; ids never registered are absent from the map. */
  async datasets(ids: Iterable<string>): Promise<Map<string, RegisteredDataset>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.registeredDatasets.has(id));
    if (missing.length > 0) {
      for (const found of await this.database.dataSource.getRepository(RegisteredDataset).findBy({ id: In(missing) })) this.registeredDatasets.set(found.id, found);
    }
    return new Map(wanted.flatMap((id) => (this.registeredDatasets.has(id) ? [[id, this.registeredDatasets.get(id)!] as const] : [])));
  }
}
