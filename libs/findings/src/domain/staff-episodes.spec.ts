import { DEFAULT_STAFF_THRESHOLDS, staffEpisodes, staffRules, type StaffAccess } from './staff-episodes.js';

const MINUTE = 60_000;
const [mass, denied] = staffRules(DEFAULT_STAFF_THRESHOLDS);
const access = (i: number, at: number, subjectId = `s-${i}`, isDenied = false): StaffAccess => ({ eventId: `e-${i}`, globalPosition: String(i + 1), at, subjectId, denied: isDenied });

describe('staff episodes', () => {
  it('counts distinct subjects, not accesses: 51 looks at 50 people are no mass access', () => {
    const accesses = Array.from({ length: 51 }, (_, i) => access(i, i * MINUTE, `s-${i % 50}`));
    expect(staffEpisodes(accesses, mass!)).toEqual([]);
    expect(staffEpisodes([...accesses, access(51, 52 * MINUTE, 's-new')], mass!)).toHaveLength(1);
  });

  it('merges offending windows that share an access into one episode, whatever order the accesses come in', () => {
    const accesses = Array.from({ length: 120 }, (_, i) => access(i, i * 30_000));
    const episodes = staffEpisodes(accesses, mass!);
    expect(episodes).toHaveLength(1);
    expect(episodes[0]!.accesses).toHaveLength(120);
    expect(episodes[0]!.detectedAt).toBe(50 * 30_000);
    expect(staffEpisodes([...accesses].reverse(), mass!)).toEqual(episodes);
  });

  it('keeps apart denial episodes a day apart', () => {
    const day = 24 * 60 * MINUTE;
    const accesses = [0, 1, 2, 3, 4].flatMap((i) => [access(i, i * MINUTE, 's', true), access(10 + i, 2 * day + i * MINUTE, 's', true)]);
    expect(staffEpisodes(accesses, denied!).map((e) => e.accesses.length)).toEqual([5, 5]);
  });

  it('refuses a threshold that is not a whole number of at least 1, naming it', () => {
    expect(() => staffRules({ massAccessSubjects: 0, deniedAccesses: 5 })).toThrow('massAccessSubjects: must be a whole number of at least 1');
  });
});
