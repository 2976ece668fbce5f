/**
 * The staff rules (職員の閲覧パターン), decided over windows of one staff code's accesses rather than one event. Pure:
 * the episodes are a function of the set of accesses, whatever order or batches they arrived in.
 */

/** One access by a staff code, as the staff rules see it. */
export interface StaffAccess {
  eventId: string;
  globalPosition: string;
  /** Milliseconds since the epoch. */
  at: number;
  subjectId: string;
  denied: boolean;
}

/** Where the staff rules draw the line. Changing them changes the read model: rebuild the findings projection after. */
export interface StaffThresholds {
  /** STAFF_MASS_ACCESS: more than this many distinct subjects within one hour. */
  massAccessSubjects: number;
  /** REPEATED_DENIED_ACCESS: this many denied accesses or more within 24 hours. */
  deniedAccesses: number;
}

export const DEFAULT_STAFF_THRESHOLDS: StaffThresholds = { massAccessSubjects: 50, deniedAccesses: 5 };

/** Checks thresholds given by configuration; a bad one names its field. */
export function checkStaffThresholds(thresholds: StaffThresholds): StaffThresholds {
  for (const [field, value] of Object.entries(thresholds)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${field}: must be a whole number of at least 1, not ${String(value)}`);
  }
  return thresholds;
}

/** A staff rule: which accesses it counts, over how long a window, and when a window breaks it. */
export interface StaffRule {
  rule: 'STAFF_MASS_ACCESS' | 'REPEATED_DENIED_ACCESS';
  windowMs: number;
  counts(access: StaffAccess): boolean;
  breaks(window: readonly StaffAccess[]): boolean;
}

const HOUR = 3_600_000;

export function staffRules(thresholds: StaffThresholds): readonly StaffRule[] {
  const { massAccessSubjects, deniedAccesses } = checkStaffThresholds(thresholds);
  return [
    { rule: 'STAFF_MASS_ACCESS', windowMs: HOUR, counts: () => true, breaks: (window) => new Set(window.map((a) => a.subjectId)).size > massAccessSubjects },
    { rule: 'REPEATED_DENIED_ACCESS', windowMs: 24 * HOUR, counts: (a) => a.denied, breaks: (window) => window.length >= deniedAccesses },
  ];
}

/** Offending windows that share an access, merged: one finding. */
export interface Episode {
  /** Every access counted in its offending windows, in time order. */
  accesses: StaffAccess[];
  /** When the rule was first broken: the end of its first offending window. */
  detectedAt: number;
}

export const byTime = (a: StaffAccess, b: StaffAccess) => a.at - b.at || Number(BigInt(a.globalPosition) - BigInt(b.globalPosition));

/**
 * The episodes of one staff code. A window is closed, [t − window, t], and ends at an access; only windows ending
 * within `ends` are weighed (the caller passes every access those windows can hold).
 */
export function staffEpisodes(accesses: readonly StaffAccess[], rule: StaffRule, ends: { from: number; to: number } = { from: -Infinity, to: Infinity }): Episode[] {
  const counted = accesses.filter(rule.counts).sort(byTime);
  const episodes: Episode[] = [];
  let open: { first: number; last: number; detectedAt: number } | null = null;
  const close = () => {
    if (open) episodes.push({ accesses: counted.slice(open.first, open.last + 1), detectedAt: open.detectedAt });
  };
  for (let end = 0, start = 0; end < counted.length; end++) {
    const at = counted[end]!.at;
    while (counted[start]!.at < at - rule.windowMs) start++;
    if (at < ends.from || at > ends.to || !rule.breaks(counted.slice(start, end + 1))) continue;
    if (open && start <= open.last) open.last = end;
    else {
      close();
      open = { first: start, last: end, detectedAt: at };
    }
  }
  close();
  return episodes;
}
