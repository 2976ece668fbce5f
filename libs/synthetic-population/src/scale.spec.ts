import { VIOLATION_RULES, generatePopulation, plantCount } from './index.js';
import { RuleChecker } from './testing/rule-checker.js';

describe('generatePopulation — scale', () => {
  it(
    'streams 20,000 subjects at about 8–12 commands each, and legitimate traffic still meets no rule',
    () => {
      const subjects = 20_000;
      const { commands, manifest } = generatePopulation({ subjects, seed: 'scale' });
      const checker = new RuleChecker(manifest.asOf);
      const heapBefore = process.memoryUsage().heapUsed;
      let count = 0;
      for (const command of commands) {
        count++;
        checker.observe(command);
      }
      expect(count / subjects).toBeGreaterThanOrEqual(8);
      expect(count / subjects).toBeLessThanOrEqual(12);
      // The checker keeps what it needs; the generator itself holds one subject at a time.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(600 * 1024 * 1024);

      for (const rule of VIOLATION_RULES) expect(manifest.violationCounts[rule]).toBeGreaterThanOrEqual(1);
      expect(manifest.violationCounts.ACCESS_WITHOUT_PURPOSE).toBe(plantCount(subjects));
      const found = checker.result();
      for (const rule of VIOLATION_RULES) {
        const planted = new Set(manifest.violations.filter((v) => v.rule === rule).flatMap((v) => v.commandIds));
        expect({ rule, unplanted: [...found.get(rule)!].filter((id) => !planted.has(id)).length }).toEqual({ rule, unplanted: 0 });
        expect({ rule, missed: [...planted].filter((id) => !found.get(rule)!.has(id)).length }).toEqual({ rule, missed: 0 });
      }
    },
    600_000,
  );

  it('is lazy: the first commands of ten million subjects come at once', () => {
    const { commands, manifest } = generatePopulation({ subjects: 10_000_000, seed: 'huge' });
    expect(manifest.violationCounts.STAFF_MASS_ACCESS).toBeGreaterThan(100);
    let count = 0;
    for (const command of commands) {
      expect(command.commandId).toBeTruthy();
      if (++count === 2000) break;
    }
    expect(count).toBe(2000);
  });
});
