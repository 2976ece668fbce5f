import type { INestApplicationContext } from '@nestjs/common';
import cliProgress from 'cli-progress';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner, rebuildProjections, type RebuildProgress } from '#projections';
import { JournalSealing } from '#app';

/** `himotoki rebuild [--projection NAME]`: rebuilds blue-green from position zero, with a progress bar. */
export async function rebuild(context: INestApplicationContext, only: string | undefined, progress: boolean): Promise<RebuildProgress[]> {
  // The journal's tree is a projection too, followed by a runner of its own (the sealer); it is rebuilt only when named.
  const runners = [context.get(ProjectionRunner), context.get(JournalSealing).sealer];
  const all = runners.flatMap((runner) => runner.projections.map((projection) => projection.name));
  if (only && !all.includes(only)) throw new Error(`no projection "${only}"; there are: ${all.join(', ')}`);
  const { pool } = context.get<Database>(DATABASE);
  const store = context.get<EventStore>(EVENT_STORE);
  const results: RebuildProgress[] = [];
  for (const runner of only ? runners : runners.slice(0, 1)) {
    const chosen = runner.projections.filter((projection) => !only || projection.name === only);
    if (chosen.length === 0) continue;
    const started = performance.now();
    const bar = progress
      ? new cliProgress.SingleBar(
          { format: `rebuilding ${chosen.map((p) => p.name).join(', ')} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}` },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    let begun = false;
    results.push(
      ...(await rebuildProjections(pool, store, runner, chosen, {
        onProgress: ({ processed, total }) => {
          if (!begun) bar?.start(Math.max(total, processed), 0, { rate: 0 });
          begun = true;
          bar?.setTotal(Math.max(total, processed));
          bar?.update(processed, { rate: Math.round(processed / ((performance.now() - started) / 1000)) });
        },
      })),
    );
    bar?.stop();
  }
  return results;
}

/** `himotoki project [--once]`: runs the projections and the journal's sealer and signer alone (scale-out), or catches up once and exits. */
export async function project(context: INestApplicationContext, once: boolean): Promise<void> {
  const runner = context.get(ProjectionRunner);
  const journal = context.get(JournalSealing);
  if (once) {
    await runner.catchUp();
    await journal.catchUp();
    return;
  }
  runner.start();
  console.log(`projecting ${runner.projections.map((p) => p.name).join(', ')} and sealing the journal; stop with Ctrl-C`);
  await journal.start();
  // A line a second while any projection lags, or while the journal monitor re-checks the sealed leaves in order
  // after its start (from its place kept, or over the whole tree): what an operator watches during a long catch-up.
  let monitorWalked = false;
  const progress = setInterval(() => {
    void runner.status().then((status) => {
      if (status.some((s) => s.lagEvents > 0)) console.log(`progress ${status.map((s) => `${s.name}=${s.eventsProcessed}`).join(' ')} (events applied)`);
    }, () => undefined);
    const monitor = journal.monitor.status();
    if (monitor.passes === 0 || monitorWalked) return;
    if (monitor.behindLeaves > 0) console.log(`journal monitor: ${monitor.checkedLeaves} sealed leaves checked in order, ${monitor.behindLeaves} to go`);
    else {
      monitorWalked = true;
      console.log(`journal monitor: every sealed leaf checked in order (${monitor.checkedLeaves}${monitor.resumedAt > 0 ? `; resumed at leaf ${monitor.resumedAt}` : ''})`);
    }
  }, 1000);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  clearInterval(progress);
}
