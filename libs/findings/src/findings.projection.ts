import type { StoredEvent } from '#event-store';
import { type Domain, type DomainEvent, eventTypes, type IdentifierKind, parseDomainEvent } from '#vocabulary';
import { insertRows, type Projection, type SqlTransaction } from '#projections';
import {
  accessPurposeRule,
  hasConsentInForce,
  isPermittedProvision,
  isPrivateDatasetKeyedByMyNumber,
  isOutsideMyNumberUse,
  keepsMyNumberOutsidePermittedUse,
  isUsedAfterRetirement,
  tiesOrganizationsThroughMyNumber,
  type ConsentFact,
  type OrganizationFact,
  type PermittedRow,
} from './domain/compliance-checks.js';
import type { FindingRule } from './domain/finding-rules.js';
import { DEFAULT_STAFF_THRESHOLDS, staffRules, type StaffThresholds } from './domain/staff-episodes.js';
import type { FindingRow } from './finding-rows.js';
import { updateStaffEpisodes, type StaffAccessRow } from './staff-episodes.store.js';

/** The events the rules read. */
const CONSUMED = eventTypes(
  'OrganizationRegistered',
  'IdentifierIssued',
  'RecordRegistered',
  'PermittedProvisionRegistered',
  'DatasetRegistered',
  'ConsentGranted',
  'ConsentWithdrawn',
  'IdentifierRetired',
  'IdentifierSucceeded',
  'RecordsLinked',
  'RecordsUnlinked',
  'InformationProvided',
  'InformationAccessed',
);

/** A registered dataset as the rules read it. */
type DatasetFact = {
  holder_id: string;
  purpose: string;
  domain: Domain | null;
  keyed_by: IdentifierKind[] | null;
};

interface TieRow {
  link_id: string;
  link_event_id: string;
  link_position: string;
  organization_id: string;
  staff_code: string;
  subject_id: string;
  subject_ids: string[];
  linked_at: string;
  expected_cut_off_at: string;
  cut_at: string | null;
}

/** A finding broken by one event: found when it happened. */
function eventFinding(
  rule: FindingRule,
  stored: StoredEvent,
  at: string,
  who: { organizationId: string; subjectId: string | null; staffCode?: string },
  detail: Record<string, unknown>,
  party?: string,
): FindingRow {
  return {
    // A second party booked for the same event (a provision's provider) gets its own id beside the first's.
    finding_id: party ? `${rule}:${stored.id}:${party}` : `${rule}:${stored.id}`, rule, organization_id: who.organizationId, subject_id: who.subjectId,
    subject_ids: who.subjectId ? [who.subjectId] : [], staff_code: who.staffCode ?? null, occurred_at: at, detected_at: at, last_at: at,
    event_ids: [stored.id], global_positions: [stored.globalPosition.toString()], detail,
  };
}

/**
 * 検出事項 — compliance findings, each pointing at the events that broke a rule (see FINDING_RULES). Deterministic: a
 * rule is decided from the event and the facts recorded before it in the log, or (the staff rules) from the set of
 * a staff code's accesses; TIE_PAST_CUT_OFF is not decided here at all but at query time, as of a given instant,
 * from the ties kept with their expected cut-off and cut. The staff thresholds are part of the projection: a change
 * takes a rebuild (`himotoki rebuild --projection findings`).
 */
export function findingsProjection(thresholds: StaffThresholds = DEFAULT_STAFF_THRESHOLDS): Projection {
  const rules = staffRules(thresholds);
  return {
    name: 'findings',
    schema: 'findings',
    tables: ['findings', 'ties', 'datasets', 'permitted_provisions', 'consents', 'retirements', 'staff_accesses', 'organizations', 'my_numbers'],
    handles: CONSUMED,

    async apply(events: StoredEvent[], tx: SqlTransaction, schema: string): Promise<void> {
      const batch = events.filter((e) => CONSUMED.has(e.type)).map((stored) => ({ stored, event: parseDomainEvent(stored.type, stored.schemaVersion, stored.data) }));
      if (batch.length === 0) return;
      const facts = await RuleFacts.load(tx, schema, batch.map((b) => b.event));
      const findings: FindingRow[] = [];
      const accesses: StaffAccessRow[] = [];
      for (const { stored, event } of batch) {
        findings.push(...facts.decide(event, stored));
        if (event.type === 'InformationAccessed') {
          const d = event.data;
          accesses.push({
            event_id: stored.id, global_position: stored.globalPosition.toString(), organization_id: d.organizationId, staff_code: d.staffCode,
            subject_id: d.subjectId, occurred_at: d.occurredAt, denied: d.outcome === 'DENIED',
          });
        }
      }
      await facts.save(tx, schema);
      await insertRows(tx, schema, 'findings', findings);
      await insertRows(tx, schema, 'staff_accesses', accesses);
      await updateStaffEpisodes(tx, schema, accesses, rules);
    },
  };
}

/** The projection as the app runs it, with the default thresholds. */
export const FINDINGS_PROJECTION = findingsProjection();

/** The facts the rules look up, loaded for one batch and kept up to date as its events are decided in log order. */
class RuleFacts {
  private readonly datasets = new Map<string, DatasetFact>();
  private readonly organizations = new Map<string, OrganizationFact>();
  private readonly myNumbers = new Set<string>();
  private readonly rows: PermittedRow[] = [];
  private readonly consents = new Map<string, ConsentFact>();
  private readonly retirements = new Map<string, { reason: string; retired_at: string }>();
  private readonly newTies = new Map<string, TieRow>();
  private readonly writes = { datasets: [] as object[], permitted_provisions: [] as object[], retirements: [] as object[], organizations: [] as object[], my_numbers: [] as object[] };
  private readonly newConsents = new Map<string, { subject_id: string; consent_id: string; granted_at: string; withdrawn_at: string | null }>();
  private readonly withdrawals: { subject_id: string; consent_id: string; withdrawn_at: string }[] = [];
  private readonly cuts: { link_id: string; cut_at: string }[] = [];

  static async load(tx: SqlTransaction, schema: string, events: DomainEvent[]): Promise<RuleFacts> {
    const facts = new RuleFacts();
    const datasetIds = new Set<string>();
    const requesters = new Set<string>();
    const fingerprints = new Set<string>();
    const organizationIds = new Set<string>();
    const consentKeys: [string[], string[]] = [[], []];
    for (const event of events) {
      if (event.type === 'InformationAccessed') {
        datasetIds.add(event.data.datasetId);
        fingerprints.add(event.data.viaIdentifier);
        organizationIds.add(event.data.organizationId);
      } else if (event.type === 'InformationProvided') {
        requesters.add(event.data.requesterId);
        fingerprints.add(event.data.viaIdentifier);
        organizationIds.add(event.data.requesterId).add(event.data.providerId);
      } else if (event.type === 'RecordRegistered') {
        datasetIds.add(event.data.datasetId);
        organizationIds.add(event.data.holderId);
        for (const fingerprint of event.data.identifiers) fingerprints.add(fingerprint);
      } else if (event.type === 'RecordsLinked') {
        for (const id of event.data.datasets) datasetIds.add(id);
      } else if (event.type === 'IdentifierSucceeded' && event.data.consentReference !== null) {
        consentKeys[0].push(event.data.subjectId);
        consentKeys[1].push(event.data.consentReference);
      }
    }
    if (datasetIds.size > 0) {
      const { rows } = await tx.query<DatasetFact & { dataset_id: string }>(
        `SELECT dataset_id, holder_id, purpose, domain, keyed_by FROM ${schema}.datasets WHERE dataset_id = ANY($1)`, [[...datasetIds]]);
      for (const row of rows) facts.datasets.set(row.dataset_id, row);
    }
    if (organizationIds.size > 0) {
      const { rows } = await tx.query<{ organization_id: string; kind: string; domains: Domain[] }>(
        `SELECT organization_id, kind, domains FROM ${schema}.organizations WHERE organization_id = ANY($1)`, [[...organizationIds]]);
      for (const row of rows) facts.organizations.set(row.organization_id, { kind: row.kind, domains: row.domains });
    }
    if (requesters.size > 0) {
      const { rows } = await tx.query<{ requester_id: string; provider_id: string; procedure: string; items: string[] }>(
        `SELECT requester_id, provider_id, procedure, items FROM ${schema}.permitted_provisions WHERE requester_id = ANY($1)`, [[...requesters]]);
      facts.rows.push(...rows.map((r) => ({ requesterId: r.requester_id, providerId: r.provider_id, procedure: r.procedure, items: r.items })));
    }
    if (fingerprints.size > 0) {
      const { rows } = await tx.query<{ fingerprint: string; reason: string; retired_at: Date }>(
        `SELECT fingerprint, reason, retired_at FROM ${schema}.retirements WHERE fingerprint = ANY($1)`, [[...fingerprints]]);
      for (const row of rows) facts.retirements.set(row.fingerprint, { reason: row.reason, retired_at: row.retired_at.toISOString() });
      const known = await tx.query<{ fingerprint: string }>(`SELECT fingerprint FROM ${schema}.my_numbers WHERE fingerprint = ANY($1)`, [[...fingerprints]]);
      for (const row of known.rows) facts.myNumbers.add(row.fingerprint);
    }
    if (consentKeys[0].length > 0) {
      const { rows } = await tx.query<{ subject_id: string; consent_id: string; granted_at: Date; withdrawn_at: Date | null }>(
        `SELECT c.subject_id, c.consent_id, c.granted_at, c.withdrawn_at FROM ${schema}.consents c
           JOIN unnest($1::uuid[], $2::text[]) AS k(subject_id, consent_id) USING (subject_id, consent_id)`, consentKeys);
      for (const row of rows) {
        facts.consents.set(`${row.subject_id}|${row.consent_id}`, { grantedAt: row.granted_at.toISOString(), withdrawnAt: row.withdrawn_at?.toISOString() ?? null });
      }
    }
    return facts;
  }

  /** Records the facts an event states, and answers the findings it breaks. */
  decide(event: DomainEvent, stored: StoredEvent): FindingRow[] {
    switch (event.type) {
      case 'OrganizationRegistered': {
        const d = event.data;
        this.organizations.set(d.organizationId, { kind: d.kind, domains: d.domains });
        this.writes.organizations.push({ organization_id: d.organizationId, kind: d.kind, domains: d.domains });
        return [];
      }
      case 'IdentifierIssued': {
        const d = event.data;
        if (d.kind === 'MY_NUMBER' && !this.myNumbers.has(d.fingerprint)) {
          this.myNumbers.add(d.fingerprint);
          this.writes.my_numbers.push({ fingerprint: d.fingerprint });
        }
        return [];
      }
      case 'RecordRegistered': {
        const d = event.data;
        const kept = d.identifiers.filter((fingerprint) => this.myNumbers.has(fingerprint));
        const dataset = this.datasets.get(d.datasetId);
        const registered = dataset ? { domain: dataset.domain, keyedBy: dataset.keyed_by } : null;
        if (!keepsMyNumberOutsidePermittedUse(this.organizations.get(d.holderId) ?? null, registered, kept.length > 0)) return [];
        return [eventFinding('MY_NUMBER_OUTSIDE_PERMITTED_USE', stored, d.occurredAt, { organizationId: d.holderId, subjectId: d.subjectId }, { recordId: d.recordId, datasetId: d.datasetId, use: 'RECORD' })];
      }
      case 'PermittedProvisionRegistered': {
        const d = event.data;
        this.rows.push({ requesterId: d.requesterId, providerId: d.providerId, procedure: d.procedure, items: d.items });
        this.writes.permitted_provisions.push({ permitted_provision_id: d.permittedProvisionId, requester_id: d.requesterId, provider_id: d.providerId, procedure: d.procedure, items: d.items });
        return [];
      }
      case 'DatasetRegistered': {
        const d = event.data;
        const fact = { holder_id: d.holderId, purpose: d.purpose, domain: d.domain, keyed_by: d.keyedBy };
        this.datasets.set(d.datasetId, fact);
        this.writes.datasets.push({ dataset_id: d.datasetId, ...fact });
        if (!isPrivateDatasetKeyedByMyNumber(d)) return [];
        return [eventFinding('PRIVATE_DATASET_KEYED_BY_MY_NUMBER', stored, d.occurredAt, { organizationId: d.holderId, subjectId: null }, { datasetId: d.datasetId, domain: d.domain, keyedBy: d.keyedBy })];
      }
      case 'ConsentGranted': {
        const d = event.data;
        const key = `${d.subjectId}|${d.consentId}`;
        this.consents.set(key, { grantedAt: d.occurredAt, withdrawnAt: null });
        this.newConsents.set(key, { subject_id: d.subjectId, consent_id: d.consentId, granted_at: d.occurredAt, withdrawn_at: null });
        return [];
      }
      case 'ConsentWithdrawn': {
        const d = event.data;
        const key = `${d.subjectId}|${d.consentId}`;
        const known = this.consents.get(key);
        if (known) known.withdrawnAt = d.occurredAt;
        const pending = this.newConsents.get(key);
        if (pending) pending.withdrawn_at = d.occurredAt;
        else this.withdrawals.push({ subject_id: d.subjectId, consent_id: d.consentId, withdrawn_at: d.occurredAt });
        return [];
      }
      case 'IdentifierRetired': {
        const d = event.data;
        this.retirements.set(d.fingerprint, { reason: d.reason, retired_at: d.occurredAt });
        this.writes.retirements.push({ fingerprint: d.fingerprint, reason: d.reason, retired_at: d.occurredAt });
        return [];
      }
      case 'IdentifierSucceeded': {
        const d = event.data;
        const consent = d.consentReference === null ? undefined : this.consents.get(`${d.subjectId}|${d.consentReference}`);
        if (hasConsentInForce(consent, d.occurredAt)) return [];
        return [eventFinding('SUCCESSION_WITHOUT_CONSENT', stored, d.occurredAt, { organizationId: d.linkedBy, subjectId: d.subjectId }, { kind: d.kind, consentReference: d.consentReference })];
      }
      case 'RecordsLinked': {
        const d = event.data;
        const subjectIds = [...new Set(d.subjects)];
        if (d.expectedCutOffAt !== null) {
          this.newTies.set(d.linkId, {
            link_id: d.linkId, link_event_id: stored.id, link_position: stored.globalPosition.toString(), organization_id: d.organizationId, staff_code: d.staffCode,
            subject_id: d.subjects[0], subject_ids: subjectIds, linked_at: d.occurredAt, expected_cut_off_at: d.expectedCutOffAt, cut_at: null,
          });
        }
        // A dataset never registered (a log imported as events) has no known holder: it cannot be shown to share one.
        const holders = d.datasets.map((id) => this.datasets.get(id)?.holder_id ?? `unregistered:${id}`) as [string, string];
        if (!tiesOrganizationsThroughMyNumber(d.key, holders)) return [];
        return [{
          ...eventFinding('TIE_THROUGH_MY_NUMBER', stored, d.occurredAt, { organizationId: d.organizationId, subjectId: d.subjects[0], staffCode: d.staffCode }, { linkId: d.linkId, datasets: d.datasets, holders }),
          subject_ids: subjectIds,
        }];
      }
      case 'RecordsUnlinked': {
        const d = event.data;
        const pending = this.newTies.get(d.linkId);
        if (pending) pending.cut_at = d.occurredAt;
        else this.cuts.push({ link_id: d.linkId, cut_at: d.occurredAt });
        return [];
      }
      case 'InformationProvided': {
        const d = event.data;
        const requester = { organizationId: d.requesterId, subjectId: d.subjectId };
        const provider = { organizationId: d.providerId, subjectId: d.subjectId };
        const found: FindingRow[] = [];
        if (!isPermittedProvision(d, this.rows)) {
          // The provider broke the limit on provision (art. 19), the requester the limit on collection (art. 20).
          const detail = { provisionId: d.provisionId, requesterId: d.requesterId, providerId: d.providerId, procedure: d.procedure, items: d.items };
          found.push(eventFinding('PROVISION_NOT_PERMITTED', stored, d.occurredAt, requester, { ...detail, party: 'REQUESTER' }));
          found.push(eventFinding('PROVISION_NOT_PERMITTED', stored, d.occurredAt, provider, { ...detail, party: 'PROVIDER' }, 'PROVIDER'));
        }
        // A private business on either side of a provision naming the person by the My Number: booked to that business.
        for (const [party, who] of [['REQUESTER', requester], ['PROVIDER', provider]] as const) {
          if (!this.myNumbers.has(d.viaIdentifier) || !isOutsideMyNumberUse(this.organizations.get(who.organizationId) ?? null, null)) continue;
          found.push(eventFinding('MY_NUMBER_OUTSIDE_PERMITTED_USE', stored, d.occurredAt, who, { provisionId: d.provisionId, party, use: 'PROVISION' }, party === 'PROVIDER' ? party : undefined));
        }
        // The provider named the subject by the identifier in what it gave: the retired identifier is in its records.
        found.push(...this.retiredIdentifierUse(d.viaIdentifier, stored, d.occurredAt, provider, { provisionId: d.provisionId, requesterId: d.requesterId }));
        return found;
      }
      case 'InformationAccessed': {
        const d = event.data;
        const who = { organizationId: d.organizationId, subjectId: d.subjectId, staffCode: d.staffCode };
        const registered = this.datasets.get(d.datasetId)?.purpose ?? null;
        const rule = accessPurposeRule(d.purpose, registered);
        const found = rule ? [eventFinding(rule, stored, d.occurredAt, who, { accessId: d.accessId, datasetId: d.datasetId, purpose: d.purpose, registeredPurpose: registered })] : [];
        if (this.myNumbers.has(d.viaIdentifier) && isOutsideMyNumberUse(this.organizations.get(d.organizationId) ?? null, this.datasets.get(d.datasetId) ?? null)) {
          found.push(eventFinding('MY_NUMBER_OUTSIDE_PERMITTED_USE', stored, d.occurredAt, who, { accessId: d.accessId, datasetId: d.datasetId, use: 'ACCESS' }));
        }
        found.push(...this.retiredIdentifierUse(d.viaIdentifier, stored, d.occurredAt, who, { accessId: d.accessId }));
        return found;
      }
      default:
        return [];
    }
  }

  private retiredIdentifierUse(fingerprint: string, stored: StoredEvent, at: string, who: { organizationId: string; subjectId: string; staffCode?: string }, detail: Record<string, unknown>): FindingRow[] {
    const retirement = this.retirements.get(fingerprint);
    if (!isUsedAfterRetirement(at, retirement?.retired_at)) return [];
    return [eventFinding('RETIRED_IDENTIFIER_USED', stored, at, who, { ...detail, retirementReason: retirement!.reason, retiredAt: retirement!.retired_at })];
  }

  async save(tx: SqlTransaction, schema: string): Promise<void> {
    for (const [table, rows] of Object.entries(this.writes)) await insertRows(tx, schema, table, rows);
    await insertRows(tx, schema, 'consents', [...this.newConsents.values()]);
    await insertRows(tx, schema, 'ties', [...this.newTies.values()]);
    if (this.withdrawals.length > 0) {
      await tx.query(
        `UPDATE ${schema}.consents c SET withdrawn_at = w.withdrawn_at
           FROM jsonb_to_recordset($1::jsonb) AS w(subject_id uuid, consent_id text, withdrawn_at timestamptz)
          WHERE c.subject_id = w.subject_id AND c.consent_id = w.consent_id`,
        [JSON.stringify(this.withdrawals)],
      );
    }
    if (this.cuts.length > 0) {
      await tx.query(
        `UPDATE ${schema}.ties t SET cut_at = c.cut_at FROM jsonb_to_recordset($1::jsonb) AS c(link_id text, cut_at timestamptz) WHERE t.link_id = c.link_id`,
        [JSON.stringify(this.cuts)],
      );
    }
  }
}
