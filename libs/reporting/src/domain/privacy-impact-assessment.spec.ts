import { piaLevel, type PiaFacts } from './privacy-impact-assessment.js';

const file = (peopleCovered: number, staffWithAccess = 0, seriousIncidentsPastYear = 0): PiaFacts => ({ specificPersonalInformationFile: true, peopleCovered, staffWithAccess, seriousIncidentsPastYear });

describe('しきい値判断: the PIA a specific personal information file calls for', () => {
  it.each([
    [999, 0, 0, 'NOT_REQUIRED'],
    [1_000, 0, 0, 'BASIC'],
    [9_999, 10_000, 3, 'BASIC'],
    [10_000, 499, 0, 'BASIC'],
    [10_000, 500, 0, 'BASIC_AND_FOCUSED'],
    [99_999, 0, 1, 'BASIC_AND_FOCUSED'],
    [100_000, 499, 0, 'BASIC_AND_FOCUSED'],
    [100_000, 500, 0, 'BASIC_AND_FULL'],
    [299_999, 0, 1, 'BASIC_AND_FULL'],
    [300_000, 0, 0, 'BASIC_AND_FULL'],
  ])('%i people, %i staff, %i serious incidents → %s', (people, staff, incidents, level) => {
    expect(piaLevel(file(people, staff, incidents)).level).toBe(level);
  });

  it('names the assessments and the reason', () => {
    expect(piaLevel(file(150_000, 20, 1))).toEqual({
      level: 'BASIC_AND_FULL',
      assessments: ['基礎項目評価', '全項目評価'],
      reason: '150,000 people; 1 serious incident(s) in the past year',
    });
    expect(piaLevel(file(150_000, 20, 0)).assessments).toEqual(['基礎項目評価', '重点項目評価']);
  });

  it('does not assess a dataset that does not hold the My Number, whatever its size', () => {
    expect(piaLevel({ ...file(1_000_000, 900, 2), specificPersonalInformationFile: false })).toMatchObject({ level: 'NOT_APPLICABLE', assessments: [] });
  });
});
