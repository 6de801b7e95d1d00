/** One §5.2 case per pack to start the calculator from (values the seed leaves unset are given in `parameters`). */
const trainee = (id: string, passed = true, employed = true, groups = ['rural_migrant']) => ({
  id, passed, employed, attendanceRate: 0.95, groups, skillUpgradeSubsidy: false, history: [] as unknown[],
});

export const SAMPLE_CASES: Record<string, unknown> = {
  'yangquan-2024': {
    policy: 'yangquan-2024', kind: 'training', asOf: '2024-12-01', parameters: {},
    cohort: { programType: 'order', occupation: '4-03-02-01', level: 5, startDate: '2024-11-01', days: 15, lessons: 120, approvedHeadcount: 3, verifiedHeadcount: 3, missingRecordingHalfDays: 0 },
    trainees: [trainee('T01'), trainee('T02', true, true, ['registered_unemployed']), trainee('T03', false, false)],
  },
  'xinzhou-2024': {
    policy: 'xinzhou-2024', kind: 'training', asOf: '2024-06-01', parameters: {},
    cohort: { programType: 'order', occupation: '4-03-02-01', level: 5, startDate: '2024-05-06', days: 10, lessons: 80, approvedHeadcount: 2, verifiedHeadcount: 2, missingRecordingHalfDays: 0 },
    trainees: [trainee('T01'), trainee('T02')],
  },
  'wenshui-2023': {
    policy: 'wenshui-2023', kind: 'training', asOf: '2024-03-01', parameters: { dailyStandardFen: 12000, generalDailyStandardFen: 8000 },
    cohort: { programType: 'employment_skills', occupation: '4-03-02-01', level: 5, startDate: '2024-01-08', days: 10, lessons: 80, approvedHeadcount: 5, verifiedHeadcount: 5, missingRecordingHalfDays: 1 },
    trainees: [trainee('T01'), trainee('T02'), trainee('T03'), trainee('T04', false, false), trainee('T05')],
  },
  'heze-2024': {
    policy: 'heze-2024', kind: 'training', asOf: '2024-12-01', parameters: { standardPerPersonFen: [{ value: 80000 }] },
    cohort: { programType: 'employment_skills', occupation: '4-01-02-01', level: 4, startDate: '2024-11-04', days: 10, lessons: 80, approvedHeadcount: 2, verifiedHeadcount: 2, missingRecordingHalfDays: 0 },
    trainees: [trainee('T01'), trainee('T02', false)],
  },
  'suihua-2019': {
    policy: 'suihua-2019', kind: 'training', asOf: '2024-06-01', parameters: { standardPerPersonFen: [{ value: 90000, programType: 'employment_skills', level: 5 }, { value: 100000 }] },
    cohort: { programType: 'employment_skills', occupation: '4-03-02-01', level: 5, startDate: '2024-05-06', days: 10, lessons: 60, approvedHeadcount: 2, verifiedHeadcount: 2, missingRecordingHalfDays: 0 },
    trainees: [trainee('T01'), { ...trainee('T02'), attendanceRate: 0.6 }],
  },
};

export const sampleFor = (policy: string) => JSON.stringify(SAMPLE_CASES[policy] ?? { policy, kind: 'training' }, null, 2);
