import type { Checkpoint, EventStore, JsonObject, StoredEvent } from '#event-store';
import { CORRECTIONS_STREAM, EventCorrected, type CorrectionAction } from '#vocabulary';

/** A correction as projections honour it: what to do with the event, and where that event is in the log. */
export interface Correction {
  /** The correction's own event id and its revision in the corrections stream. */
  correctionId: string;
  revision: bigint;
  eventId: string;
  eventType: string;
  /** The corrected event's place in the log. */
  at: Checkpoint;
  action: CorrectionAction;
  correctedData: JsonObject | null;
  reason: string;
  correctedBy: string;
}

/**
 * 訂正台帳 — the operators' corrections, read through the event store port from their one stream and kept in
 * memory (they are few). A correction comes later in the log than the event it corrects, so a projector
 * reads the ledger ahead of its own place: each batch is read through `apply` as corrected by every
 * correction visible when the batch is applied.
 */
export class CorrectionLedger {
  /** Each corrected event's corrections, oldest first: a later one replaces an earlier one. */
  private readonly byEvent = new Map<string, Correction[]>();
  private readonly all: Correction[] = [];
  private reading: Promise<void> | undefined;

  constructor(private readonly store: EventStore) {}

  /** The revision of the last correction read; -1 when none. */
  get revision(): bigint {
    return this.all.at(-1)?.revision ?? -1n;
  }

  private readAt = -Infinity;

  /** Reads the corrections appended since the last read (concurrent callers share one read). */
  refresh(): Promise<void> {
    this.reading ??= this.readNew().finally(() => (this.reading = undefined));
    return this.reading;
  }

  /**
   * Reads the new corrections when the last read is older than `ms`, or when `events` hold a correction (then
   * it is surely visible): a correction is rare, and a read per batch of every projection is not.
   */
  refreshFor(events: readonly StoredEvent[], ms: number): Promise<void> {
    if (performance.now() - this.readAt < ms && !events.some((e) => e.type === EventCorrected.type)) return Promise.resolve();
    return this.refresh();
  }

  private async readNew(): Promise<void> {
    this.readAt = performance.now();
    for (;;) {
      const page = await this.store.readStream(CORRECTIONS_STREAM, { fromRevision: this.revision + 1n, maxCount: 1000 });
      for (const stored of page) this.add(stored);
      if (page.length < 1000) return;
    }
  }

  private add(stored: StoredEvent): void {
    if (stored.revision <= this.revision) return;
    const data = EventCorrected.schema.parse(stored.data);
    const correction: Correction = {
      correctionId: stored.id,
      revision: stored.revision,
      eventId: data.eventId,
      eventType: data.eventType,
      at: { transactionId: BigInt(data.transactionId), globalPosition: BigInt(data.globalPosition) },
      action: data.action,
      correctedData: data.correctedData as JsonObject | null,
      reason: data.reason,
      correctedBy: data.correctedBy,
    };
    this.all.push(correction);
    const earlier = this.byEvent.get(correction.eventId);
    if (earlier) earlier.push(correction);
    else this.byEvent.set(correction.eventId, [correction]);
  }

  /**
   * The correction in force for an event, among those up to revision `upTo` (a batch reads the ledger as it
   * was when the batch began, whatever is read meanwhile).
   */
  of(eventId: string, upTo = this.revision): Correction | undefined {
    return this.byEvent.get(eventId)?.findLast((c) => c.revision <= upTo);
  }

  /** The corrections with a revision in (from, upTo]. */
  between(from: bigint, upTo: bigint): Correction[] {
    return this.all.filter((c) => c.revision > from && c.revision <= upTo);
  }

  /** The events as corrected up to revision `upTo`: annulled ones left out, superseded ones carrying their corrected data. */
  apply(events: StoredEvent[], upTo: bigint): StoredEvent[] {
    if (this.byEvent.size === 0) return events;
    const read: StoredEvent[] = [];
    for (const event of events) {
      const correction = this.of(event.id, upTo);
      if (!correction) read.push(event);
      else if (correction.action === 'SUPERSEDE') read.push({ ...event, data: correction.correctedData! });
    }
    return read;
  }
}
