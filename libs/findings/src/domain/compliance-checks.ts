import type { Domain, IdentifierKind } from '#vocabulary';

/**
 * The rules decided by one event and the facts recorded before it (pure: no I/O, no clock). Facts are those known
 * when the event was recorded, so a row or a retirement registered later does not change an earlier verdict.
 */

/** A row of the permitted-provision table (別表第二). */
export interface PermittedRow {
  requesterId: string;
  providerId: string;
  procedure: string;
  items: readonly string[];
}

export interface Provision {
  requesterId: string;
  providerId: string;
  procedure: string;
  items: readonly string[];
}

/** Permitted only when one row names the same requester, provider and procedure and holds every item provided. */
export function isPermittedProvision(provision: Provision, rows: readonly PermittedRow[]): boolean {
  return rows.some(
    (row) =>
      row.requesterId === provision.requesterId &&
      row.providerId === provision.providerId &&
      row.procedure === provision.procedure &&
      provision.items.every((item) => row.items.includes(item)),
  );
}

/**
 * What is wrong with an access's purpose (利用目的) against its dataset's registered one, if anything. A dataset never
 * registered (`registeredPurpose` null, possible in a log imported as events) was registered for no purpose at all.
 */
export function accessPurposeRule(purpose: string | null, registeredPurpose: string | null): 'ACCESS_WITHOUT_PURPOSE' | 'ACCESS_PURPOSE_NOT_REGISTERED' | null {
  if (purpose === null) return 'ACCESS_WITHOUT_PURPOSE';
  return purpose === registeredPurpose ? null : 'ACCESS_PURPOSE_NOT_REGISTERED';
}

export type TieKey = { by: 'IDENTIFIER'; identifierKind: IdentifierKind } | { by: 'BASIC4' };

/** A tie through the My Number itself between datasets of two different holders (where 機関別符号 belong). */
export function tiesOrganizationsThroughMyNumber(key: TieKey, holders: readonly [string, string]): boolean {
  return key.by === 'IDENTIFIER' && key.identifierKind === 'MY_NUMBER' && holders[0] !== holders[1];
}

/** A dataset of the private domain keyed by the My Number: outside the tax, social-security and disaster procedures. */
export function isPrivateDatasetKeyedByMyNumber(dataset: { domain: Domain; keyedBy: readonly IdentifierKind[] }): boolean {
  return dataset.domain === 'PRIVATE' && dataset.keyedBy.includes('MY_NUMBER');
}

/** A consent as the subject gave it, and when (if ever) they withdrew it. */
export interface ConsentFact {
  grantedAt: string;
  withdrawnAt: string | null;
}

/**
 * A succession is consented when it names a consent that the same subject had granted by then and not withdrawn:
 * none named, one unknown for this subject, one given later or withdrawn before, all mean no consent.
 */
export function hasConsentInForce(consent: ConsentFact | undefined, at: string): boolean {
  if (!consent) return false;
  const t = Date.parse(at);
  return Date.parse(consent.grantedAt) <= t && (consent.withdrawnAt === null || Date.parse(consent.withdrawnAt) > t);
}

/** An identifier is unusable from the instant it was retired on (rotated, leaked or expired). */
export function isUsedAfterRetirement(usedAt: string, retiredAt: string | undefined): boolean {
  return retiredAt !== undefined && Date.parse(retiredAt) <= Date.parse(usedAt);
}

/** The procedures the My Number may be handled for (個人番号利用事務・個人番号関係事務): tax, social security, disasters. */
const MY_NUMBER_DOMAINS: readonly Domain[] = ['TAX', 'SOCIAL_SECURITY', 'DISASTER'];

/** An organization as the My Number rule reads it (null when never registered). */
export interface OrganizationFact {
  kind: string;
  domains: readonly Domain[];
}

/**
 * Whether handling the My Number here is outside its permitted use: in a private-domain dataset always; in a dataset
 * registered for a My Number procedure never; otherwise (no dataset, or one never registered) when a private business
 * registered for none of those procedures acts. An employer (kind EMPLOYER) writing withholding slips is inside.
 */
export function isOutsideMyNumberUse(organization: OrganizationFact | null, dataset: { domain: Domain | null } | null): boolean {
  if (dataset?.domain === 'PRIVATE') return true;
  if (dataset?.domain && MY_NUMBER_DOMAINS.includes(dataset.domain)) return false;
  return organization?.kind === 'PRIVATE_BUSINESS' && !organization.domains.some((domain) => MY_NUMBER_DOMAINS.includes(domain));
}

/**
 * A record keeping a My Number outside its permitted use. A dataset registered as keyed by MY_NUMBER is left to
 * PRIVATE_DATASET_KEYED_BY_MY_NUMBER, which stands for every record of it; this catches the undeclared ones.
 */
export function keepsMyNumberOutsidePermittedUse(
  holder: OrganizationFact | null,
  dataset: { domain: Domain | null; keyedBy: readonly IdentifierKind[] | null } | null,
  keepsMyNumber: boolean,
): boolean {
  return keepsMyNumber && !(dataset?.keyedBy ?? []).includes('MY_NUMBER') && isOutsideMyNumberUse(holder, dataset);
}
