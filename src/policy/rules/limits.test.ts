import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../policy.ts';
import {
  drewSkillUpgradeFor,
  hadCertificateAtOrAbove,
  hadCertificateOfOccupation,
  hadCertificateSubsidyAtLevel,
  hadCertificateSubsidySame,
  hadSpecialCertificate,
  hadTrainingAtSameLevel,
  hadTrainingSameYear,
  holdsCertificateAtOrAbove,
  reachedHigherLevel,
  trainingSubsidiesInYear,
} from './limits.ts';

const OCC = '4-03-02-01';
const history: HistoryEntry[] = [
  { date: '2024-01-10', kind: 'training', occupation: OCC, level: 5 },
  { date: '2024-06-10', kind: 'training', occupation: 'x', level: 4 },
  { date: '2023-12-31', kind: 'training', occupation: 'y', level: 4 },
  { date: '2024-03-01', kind: 'certificate', occupation: 'z', level: 3 },
  { date: '2022-03-01', kind: 'certificate_subsidy', occupation: OCC, level: 5 },
  { date: '2021-03-01', kind: 'certificate', occupation: '电工作业', certificateType: 'special_operation' },
  { date: '2024-02-01', kind: 'skill_upgrade', occupation: 'x', level: 4 },
];

describe('per-person limits', () => {
  it('counts training subsidies in the calendar year only (suihua 第十二条)', () => {
    expect(trainingSubsidiesInYear(history, '2024-11-01')).toBe(2);
    expect(trainingSubsidiesInYear(history, '2023-01-01')).toBe(1);
    expect(trainingSubsidiesInYear([], '2024-01-01')).toBe(0);
  });

  it('finds the same occupation and level (suihua 第十二条, heze 第二十四条)', () => {
    expect(hadTrainingAtSameLevel(history, OCC, 5)).toBe(true);
    expect(hadTrainingAtSameLevel(history, OCC, 4)).toBe(false);
    expect(hadTrainingAtSameLevel(history, 'z', 3)).toBe(false); // a certificate is not a training subsidy
  });

  it('finds the same occupation, level and year (yangquan 第四条)', () => {
    expect(hadTrainingSameYear(history, 'y', 4, '2024-05-01')).toBe(false);
    expect(hadTrainingSameYear(history, 'y', 4, '2023-05-01')).toBe(true);
  });

  it('finds a higher-level certificate of the occupation, not a higher-level training (heze 第二十四条)', () => {
    expect(reachedHigherLevel(history, 'z', 4)?.level).toBe(3);
    expect(reachedHigherLevel(history, 'z', 3)).toBeUndefined();
    expect(reachedHigherLevel(history, OCC, 5)).toBeUndefined();
    expect(reachedHigherLevel(history, 'x', 5)).toBeUndefined(); // x level 4 is a training subsidy only
    expect(reachedHigherLevel(history, 'z', undefined)).toBeUndefined();
  });

  it('finds a held certificate of the occupation at the level or higher (yangquan 第九条 新增技能人才)', () => {
    expect(holdsCertificateAtOrAbove(history, OCC, 5)).toBe(true); // the certificate subsidy implies the certificate
    expect(holdsCertificateAtOrAbove(history, OCC, 4)).toBe(false);
    expect(holdsCertificateAtOrAbove(history, 'z', 4)).toBe(true);
    expect(holdsCertificateAtOrAbove(history, 'z', 2)).toBe(false);
    expect(holdsCertificateAtOrAbove(history, 'x', 5)).toBe(false); // a training is no certificate
  });

  it('finds a skill-upgrade subsidy for the occupation and level only', () => {
    expect(drewSkillUpgradeFor(history, 'x', 4)).toBe(true);
    expect(drewSkillUpgradeFor(history, 'x', 5)).toBe(false);
    expect(drewSkillUpgradeFor(history, OCC, 4)).toBe(false);
  });

  it('answers the certificate questions of yangquan 第九条', () => {
    expect(hadCertificateSubsidyAtLevel(history, 5)).toBe(true);
    expect(hadCertificateSubsidyAtLevel(history, 3)).toBe(false); // held, not subsidised
    expect(hadCertificateOfOccupation(history, OCC)).toBe(true);
    expect(hadCertificateOfOccupation(history, 'x')).toBe(false); // trainings are not certificates
    expect(hadCertificateAtOrAbove(history, 3)).toBe(true);
    expect(hadCertificateAtOrAbove(history, 2)).toBe(false);
    expect(hadSpecialCertificate(history, 'special_operation', '电工作业')).toBe(true);
    expect(hadSpecialCertificate(history, 'special_equipment', '电工作业')).toBe(false);
    expect(hadCertificateSubsidySame(history, 'skill_level', OCC, 5)).toBe(true);
    expect(hadCertificateSubsidySame(history, 'skill_level', OCC, 4)).toBe(false);
  });
});
