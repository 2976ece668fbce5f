import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { reportOptions } from '../../apps/cli/src/report.js';

const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');
const himotoki = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

describe('himotoki report: its options', () => {
  it('refuses bad options before touching a database, naming the option (exit code 2)', () => {
    for (const [args, message] of [
      [['--to', '2024-07-01'], '--from: is required'],
      [['--from', '2024-04-01', '--to', '2024-07-01', '--format', 'xml'], '--format: must be json, csv, html'],
      [['--from', '2024-04-01', '--to', '2024-07-01', '--format', 'csv'], '--out: csv writes one file per table'],
      [['--from', '2024-07-01', '--to', '2024-04-01'], '--to: must be after from'],
      [['--from', '2024-02-30', '--to', '2024-04-01'], '--from: is not a real date'],
    ] as const) {
      const run = himotoki('report', ...args);
      expect([run.status, run.stderr.split('\n')[0]]).toEqual([2, expect.stringContaining(message)]);
    }
  });

  it('takes a period, an organization, a format and where to write', () => {
    expect(reportOptions({ from: '2024-04-01', to: '2024-07-01', organization: 'city', format: 'html', out: 'r.html' })).toEqual({
      from: '2024-04-01', to: '2024-07-01', organizationId: 'city', format: 'html', out: 'r.html',
    });
    expect(reportOptions({ from: '2024-04-01', to: '2024-07-01' })).toMatchObject({ format: 'json', organizationId: null, out: null });
  });
});
