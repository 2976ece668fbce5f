import type { INestApplicationContext } from '@nestjs/common';
import cliProgress from 'cli-progress';
import { DATABASE, type Database } from '#database';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner, rebuildProjection, type RebuildProgress } from '#projections';

/** `himotoki rebuild [--projection NAME]`: rebuilds blue-green from position zero, with a progress bar. */
export async function rebuild(context: INestApplicationContext, only: string | undefined, progress: boolean): Promise<RebuildProgress[]> {
  const runner = context.get(ProjectionRunner);
  const projections = runner.projections.filter((p) => !only || p.name === only);
  if (projections.length === 0) throw new Error(`no projection "${only}"; there are: ${runner.projections.map((p) => p.name).join(', ')}`);
  const { pool } = context.get<Database>(DATABASE);
  const store = context.get<EventStore>(EVENT_STORE);
  const results: RebuildProgress[] = [];
  for (const projection of projections) {
    const started = performance.now();
    const bar = progress
      ? new cliProgress.SingleBar(
          { format: `rebuilding ${projection.name} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}` },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    let begun = false;
    const result = await rebuildProjection(pool, store, runner, projection, {
      onProgress: ({ processed, total }) => {
        if (!begun) bar?.start(Math.max(total, processed), 0, { rate: 0 });
        begun = true;
        bar?.setTotal(Math.max(total, processed));
        bar?.update(processed, { rate: Math.round(processed / ((performance.now() - started) / 1000)) });
      },
    });
    bar?.stop();
    results.push(result);
  }
  return results;
}

/** `himotoki project [--once]`: runs the projections alone (scale-out), or catches up once and exits. */
export async function project(context: INestApplicationContext, once: boolean): Promise<void> {
  const runner = context.get(ProjectionRunner);
  if (once) {
    await runner.catchUp();
    return;
  }
  runner.start();
  console.log(`projecting ${runner.projections.map((p) => p.name).join(', ')}; stop with Ctrl-C`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
}
