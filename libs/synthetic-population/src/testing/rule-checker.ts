import type { CommandEnvelope } from '#ingestion';
import type { IdentifierKind } from '#vocabulary';
import { VIOLATION_RULES, type ViolationRule } from '../violations.js';
import { canonicalIdentifier } from './in-memory-import.js';

/**
 * Test support: an independent check of the eleven rules over a command stream, written from the rule definitions
 * (RULE_DEFINITIONS), not from the generator. It reports the commands that meet each rule, so a test can compare
 * them with what the manifest says was planted: legitimate traffic must meet none.
 */
type Payload = Record<string, any>;
interface Ref {
  kind: string;
  value: string;
  scope?: string | null;
}

const seconds = (iso: string) => Date.parse(iso) / 1000;

/** The procedures the My Number may be handled for (個人番号関係事務 and 利用事務). */
const MY_NUMBER_DOMAINS = ['TAX', 'SOCIAL_SECURITY', 'DISASTER'];

export class RuleChecker {
  private readonly rows = new Map<string, Set<string>>();
  private readonly datasetPurpose = new Map<string, string>();
  private readonly datasetHolder = new Map<string, string>();
  private readonly datasetFacts = new Map<string, { domain: string; keyedBy: string[] }>();
  private readonly organizations = new Map<string, { kind: string; domains: string[] }>();
  private readonly recordHolder = new Map<string, string>();
  private readonly links = new Map<string, { commandId: string; cutOff: number | null; cutAt: number | null }>();
  private readonly leaked = new Map<string, number>();
  private readonly accesses = new Map<string, { t: number; subject: string; denied: boolean; commandId: string }[]>();
  private readonly found = new Map<ViolationRule, Set<string>>(VIOLATION_RULES.map((r) => [r, new Set<string>()]));

  /** @param subjectOf resolves an identifier to its subject (from an import), for counting distinct subjects. */
  constructor(
    private readonly asOf: string,
    private readonly subjectOf: (ref: Ref) => string | undefined = (ref) => canonicalIdentifier(ref.kind as IdentifierKind, ref.value, ref.scope),
  ) {}

  private flag(rule: ViolationRule, commandId: string): void {
    this.found.get(rule)!.add(commandId);
  }

  observe(command: CommandEnvelope): void {
    const p = command.payload as Payload;
    switch (command.type) {
      case 'RegisterOrganization':
        this.organizations.set(p.organizationId, { kind: p.kind, domains: p.domains });
        break;
      case 'RegisterPermittedProvision':
        this.rows.set(`${p.requesterId}|${p.providerId}|${p.procedure}`, new Set(p.items));
        break;
      case 'RegisterDataset':
        this.datasetPurpose.set(p.datasetId, p.purpose);
        this.datasetHolder.set(p.datasetId, p.holderId);
        this.datasetFacts.set(p.datasetId, { domain: p.domain, keyedBy: p.keyedBy });
        if (p.domain === 'PRIVATE' && p.keyedBy.includes('MY_NUMBER')) this.flag('PRIVATE_DATASET_KEYED_BY_MY_NUMBER', command.commandId);
        break;
      case 'RegisterRecord':
        this.recordHolder.set(p.recordId, this.datasetHolder.get(p.datasetId)!);
        if ((p.identifiers as Ref[]).some((ref) => ref.kind === 'MY_NUMBER') && !this.datasetFacts.get(p.datasetId)!.keyedBy.includes('MY_NUMBER')) {
          if (this.outsideMyNumberUse(this.datasetHolder.get(p.datasetId)!, p.datasetId)) this.flag('MY_NUMBER_OUTSIDE_PERMITTED_USE', command.commandId);
        }
        break;
      case 'LinkRecords': {
        this.links.set(p.linkId, { commandId: command.commandId, cutOff: p.expectedCutOffAt ? seconds(p.expectedCutOffAt) : null, cutAt: null });
        const [a, b] = (p.records as string[]).map((r) => this.recordHolder.get(r));
        if (p.key.by === 'IDENTIFIER' && p.key.identifierKind === 'MY_NUMBER' && a !== b) this.flag('TIE_THROUGH_MY_NUMBER', command.commandId);
        break;
      }
      case 'UnlinkRecords':
        this.links.get(p.linkId)!.cutAt = seconds(p.occurredAt);
        break;
      case 'RetireIdentifier':
        if (p.reason === 'LEAKED') this.leaked.set(canonicalIdentifier(p.identifier.kind, p.identifier.value, p.identifier.scope), seconds(p.occurredAt));
        break;
      case 'LinkIdentifierSuccessor':
        if (p.consentReference === null || p.consentReference === undefined) this.flag('SUCCESSION_WITHOUT_CONSENT', command.commandId);
        break;
      case 'ProvideInformation': {
        const items = this.rows.get(`${p.requesterId}|${p.providerId}|${p.procedure}`);
        if (!items || !(p.items as string[]).every((i) => items.has(i))) this.flag('PROVISION_NOT_PERMITTED', command.commandId);
        if (p.subject.kind === 'MY_NUMBER' && [p.requesterId, p.providerId].some((party: string) => this.outsideMyNumberUse(party, null))) {
          this.flag('MY_NUMBER_OUTSIDE_PERMITTED_USE', command.commandId);
        }
        this.checkRetired(command.commandId, p.subject);
        break;
      }
      case 'AccessInformation': {
        if (p.purpose === null || p.purpose === undefined) this.flag('ACCESS_WITHOUT_PURPOSE', command.commandId);
        else if (p.purpose !== this.datasetPurpose.get(p.datasetId)) this.flag('ACCESS_PURPOSE_NOT_REGISTERED', command.commandId);
        if (p.subject.kind === 'MY_NUMBER' && this.outsideMyNumberUse(p.organizationId, p.datasetId)) this.flag('MY_NUMBER_OUTSIDE_PERMITTED_USE', command.commandId);
        this.checkRetired(command.commandId, p.subject);
        const list = this.accesses.get(p.staffCode) ?? [];
        list.push({ t: seconds(p.occurredAt), subject: this.subjectOf(p.subject) ?? `?${p.subject.value}`, denied: p.outcome === 'DENIED', commandId: command.commandId });
        this.accesses.set(p.staffCode, list);
        break;
      }
      default:
        break;
    }
  }

  /** In a PRIVATE dataset; or, where no dataset says otherwise, by a PRIVATE_BUSINESS registered for no My Number procedure. */
  private outsideMyNumberUse(organizationId: string, datasetId: string | null): boolean {
    const domain = datasetId === null ? undefined : this.datasetFacts.get(datasetId)?.domain;
    if (domain === 'PRIVATE') return true;
    if (domain !== undefined && MY_NUMBER_DOMAINS.includes(domain)) return false;
    const organization = this.organizations.get(organizationId);
    return organization?.kind === 'PRIVATE_BUSINESS' && !organization.domains.some((d) => MY_NUMBER_DOMAINS.includes(d));
  }

  private checkRetired(commandId: string, subject: Ref): void {
    if (this.leaked.has(canonicalIdentifier(subject.kind as IdentifierKind, subject.value, subject.scope))) this.flag('RETIRED_IDENTIFIER_USED', commandId);
  }

  /** The commands meeting each rule; for the two staff rules, every access of the offending staff codes in an offending window. */
  result(): Map<ViolationRule, Set<string>> {
    const asOf = seconds(this.asOf);
    for (const link of this.links.values()) {
      if (link.cutOff !== null && link.cutOff < asOf && (link.cutAt === null || link.cutAt > link.cutOff)) this.flag('TIE_PAST_CUT_OFF', link.commandId);
    }
    for (const list of this.accesses.values()) {
      const sorted = [...list].sort((a, b) => a.t - b.t);
      // More than 50 distinct subjects within one hour.
      for (let i = 0, j = 0; i < sorted.length; i++) {
        while (sorted[j]!.t < sorted[i]!.t - 3600) j++;
        const window = sorted.slice(j, i + 1);
        if (new Set(window.map((a) => a.subject)).size > 50) for (const a of window) this.flag('STAFF_MASS_ACCESS', a.commandId);
      }
      // Five or more DENIED within 24 hours.
      const denied = sorted.filter((a) => a.denied);
      for (let i = 0, j = 0; i < denied.length; i++) {
        while (denied[j]!.t < denied[i]!.t - 86400) j++;
        if (i - j + 1 >= 5) for (const a of denied.slice(j, i + 1)) this.flag('REPEATED_DENIED_ACCESS', a.commandId);
      }
    }
    return this.found;
  }

  /** For statistics in tests: the largest number of accesses / denials by one staff code in any hour / 24 hours. */
  peaks(): { perHour: number; deniedPerDay: number } {
    let perHour = 0;
    let deniedPerDay = 0;
    for (const list of this.accesses.values()) {
      const sorted = [...list].sort((a, b) => a.t - b.t);
      for (let i = 0, j = 0; i < sorted.length; i++) {
        while (sorted[j]!.t < sorted[i]!.t - 3600) j++;
        perHour = Math.max(perHour, i - j + 1);
      }
      const denied = sorted.filter((a) => a.denied);
      for (let i = 0, j = 0; i < denied.length; i++) {
        while (denied[j]!.t < denied[i]!.t - 86400) j++;
        deniedPerDay = Math.max(deniedPerDay, i - j + 1);
      }
    }
    return { perHour, deniedPerDay };
  }
}
