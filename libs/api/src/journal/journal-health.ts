import { Gauge, type Registry } from 'prom-client';
import type { MonitorStatus } from '#journal';

export interface JournalHealthReport {
  /** False once the monitor found a stored event that no longer gives its sealed leaf. */
  ok: boolean;
  headSize: number | null;
  headAgeSeconds: number | null;
  sealerLagEvents: number;
  sealerLagSeconds: number;
  monitor: MonitorStatus & { lastPassAgeSeconds: number | null };
}

/** Injection token of the journal's health, which the composition root provides (libs/app, JournalHealth). */
export const JOURNAL_HEALTH = Symbol('JournalHealth');

/** What /health and /metrics ask of the journal. */
export interface JournalHealthCheck {
  check(): Promise<JournalHealthReport>;
}

/** The journal's gauges, on the process's registry. */
export function registerJournalMetrics(registry: Registry, health: { check(): Promise<JournalHealthReport> }): void {
  const gauge = (name: string, help: string, pick: (r: JournalHealthReport) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(pick(await health.check()));
      },
    });
  gauge('himotoki_journal_head_age_seconds', 'Age of the newest signed tree head (-1 before the first)', (r) => r.headAgeSeconds ?? -1);
  gauge('himotoki_journal_sealer_lag_events', 'Events in the log not yet sealed into the journal', (r) => r.sealerLagEvents);
  gauge('himotoki_journal_sealer_lag_seconds', 'Age of the oldest event not yet sealed', (r) => r.sealerLagSeconds);
  gauge('himotoki_journal_monitor_last_pass_age_seconds', "Age of the journal monitor's last pass (-1 before the first)", (r) => r.monitor.lastPassAgeSeconds ?? -1);
  gauge('himotoki_journal_monitor_checked_leaves', 'Sealed leaves the monitor has re-hashed in order', (r) => r.monitor.checkedLeaves);
  gauge('himotoki_journal_monitor_sweeps', 'Sweeps the journal monitor has completed, each re-walking in order every leaf it had checked', (r) => r.monitor.sweeps);
  gauge('himotoki_journal_monitor_mismatch', '1 once the monitor found a stored event that no longer gives its sealed leaf', (r) => (r.monitor.state === 'mismatch' ? 1 : 0));
}
