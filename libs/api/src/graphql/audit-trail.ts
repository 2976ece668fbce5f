import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type EventToAppend } from '#event-store';
import { timeOrderedUuid } from '#ingestion';
import { AUDITED_SUBJECTS_PER_RECORD, domainEvent } from '#vocabulary';
import type { Principal } from '../auth/principal.js';

interface Pending {
  event: EventToAppend;
  done: { resolve: () => void; reject: (error: unknown) => void };
}

/**
 * Who audits the auditors: every auditor query that touches subjects is stored as an `AuditorQueried`
 * event before its answer leaves, and shows in those subjects' histories as AUDIT. No record, no answer.
 *
 * Records are group-committed: those that arrive while a write is in flight go out together in the next
 * one, so a busy auditor API makes one commit per batch instead of one per query, and each query still
 * waits for its own record to be durable. Records and their streams are named by time-ordered ids (UUIDv7,
 * the stream after its first record), so that each append extends the store's indexes at their right edge.
 */
@Injectable()
export class AuditTrail {
  private queue: Pending[] = [];
  private writing = false;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Resolves once the query's record is stored: one event, or several when it touched more subjects than one names. */
  async record(principal: Principal, operation: string, subjectIds: string[]): Promise<void> {
    if (principal.role !== 'AUDITOR' || subjectIds.length === 0) return;
    const occurredAt = new Date().toISOString();
    const subjects = [...new Set(subjectIds)];
    const stored: Promise<void>[] = [];
    for (let from = 0; from < subjects.length; from += AUDITED_SUBJECTS_PER_RECORD) {
      const event = domainEvent('AuditorQueried', { auditorId: principal.id, organizationId: principal.organizationId, operation, subjectIds: subjects.slice(from, from + AUDITED_SUBJECTS_PER_RECORD), occurredAt });
      stored.push(
        new Promise<void>((resolve, reject) => {
          this.queue.push({
            event: { id: timeOrderedUuid(), type: event.type, schemaVersion: event.version, data: event.data, metadata: { sender: `auditor:${principal.id}` } },
            done: { resolve, reject },
          });
        }),
      );
    }
    void this.flush();
    await Promise.all(stored);
  }

  private async flush(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, 500);
        try {
          await this.store.appendToStream(`audit-${batch[0]!.event.id}`, batch.map((p) => p.event), 'no_stream');
          for (const pending of batch) pending.done.resolve();
        } catch (error) {
          for (const pending of batch) pending.done.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
