import { DAY, TIMELINE_START, jstDay, type Seconds } from './time.js';
import type { StaffPool } from './world.js';

/** At most this many accesses per staff code per JST day: an hour spans at most two days, so ≤ 50 in any hour. */
export const MAX_ACCESSES_PER_STAFF_DAY = 25;
/** At most this many DENIED accesses per staff code per JST day: 24 hours span at most two days, so ≤ 4 in any. */
export const MAX_DENIED_PER_STAFF_DAY = 2;

/**
 * Keeps legitimate traffic clear of STAFF_MASS_ACCESS and REPEATED_DENIED_ACCESS by construction: per staff code
 * and JST day it counts accesses and denials and hands each access to a pool member with room left (or, when a
 * whole pool is busy, moves it to a later day). Legitimate accesses happen between 07:00 and 23:00, so no window
 * of 24 hours touches three days. Memory: two bytes per staff member per day, whatever the population.
 */
export interface StaffLedger {
  /** The staff number (1-based) and time for an access; null when it no longer fits before asOf. */
  assign(pool: StaffPool, start: number, t: Seconds, denied: boolean, asOf: Seconds): { number: number; t: Seconds } | null;
}

export class CountingStaffLedger implements StaffLedger {
  private readonly accesses: Uint8Array;
  private readonly denials: Uint8Array;
  private readonly days: number;

  constructor(totalStaff: number, asOf: Seconds) {
    this.days = jstDay(asOf) - jstDay(TIMELINE_START) + 2;
    this.accesses = new Uint8Array(totalStaff * this.days);
    this.denials = new Uint8Array(totalStaff * this.days);
  }

  assign(pool: StaffPool, start: number, t: Seconds, denied: boolean, asOf: Seconds): { number: number; t: Seconds } | null {
    const firstDay = jstDay(TIMELINE_START);
    for (let shift = 0; ; shift++) {
      const at = t + shift * DAY;
      if (at >= asOf) return null;
      const day = jstDay(at) - firstDay;
      for (let k = 0; k < pool.size; k++) {
        const member = (start + k) % pool.size;
        const slot = (pool.offset + member) * this.days + day;
        if (this.accesses[slot]! >= MAX_ACCESSES_PER_STAFF_DAY) continue;
        if (denied && this.denials[slot]! >= MAX_DENIED_PER_STAFF_DAY) continue;
        this.accesses[slot]!++;
        if (denied) this.denials[slot]!++;
        return { number: member + 1, t: at };
      }
    }
  }
}

/** For the manifest's dry run of planted subjects: every access fits (planted commands never depend on it). */
export const UNCOUNTED_STAFF_LEDGER: StaffLedger = {
  assign: (pool, start, t, _denied, asOf) => (t < asOf ? { number: (start % pool.size) + 1, t } : null),
};
