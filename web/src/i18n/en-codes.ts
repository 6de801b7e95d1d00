/**
 * English labels of the server's code lists (GET /api/v1/reference answers Chinese). Used by useLabels()
 * as `codes.<list>.<code>` when the language is English; a code missing here shows its Chinese label.
 */
const enCodes = {
  personGroups: {
    poverty_alleviated: 'Lifted out of poverty', poor_labour: 'Poor labourer', poor_family_child: 'Child of a poor family', graduate: 'Graduate of the year',
    two_after: 'Not in further schooling', rural_migrant: 'Rural migrant worker', registered_unemployed: 'Registered unemployed', laid_off: 'Laid off',
    hard_to_employ: 'Hard to employ', zero_employment_family: 'Zero-employment family', job_transfer: 'Reassigned worker', veteran: 'Veteran',
    disabled: 'Disabled', pre_release: 'About to be released', drug_rehab: 'In drug rehabilitation', technical_school_parttime: 'Technical school, part-time',
    rural_household: 'Rural household', urban_dibao: 'Urban minimum-income family', other: 'Other',
  },
  employmentStatuses: { employed: 'Employed', unemployed: 'Unemployed', none: 'None' },
  educationLevels: { primary: 'Primary', junior: 'Junior secondary', senior: 'Senior secondary', vocational: 'Vocational school', college: 'College', bachelor: 'Bachelor', master: 'Postgraduate' },
  institutionKinds: {
    private_school: 'Private training school', technical_college: 'Technical college', vocational_college: 'Vocational college',
    enterprise_center: 'Enterprise training centre', public_training_base: 'Public training base', university: 'University',
  },
  institutionStatuses: { applied: 'Applied', listed: 'Listed', rectifying: 'Rectifying', suspended: 'Suspended', removed: 'Removed' },
  historyKinds: { training: 'Training subsidy received', certificate: 'Certificate obtained', certificate_subsidy: 'Certificate subsidy received', skill_upgrade: 'Skill-upgrade subsidy received' },
  programTypes: {
    employment_skills: 'Employment skills', order: 'Order-based', project: 'Project-based', enterprise_pre_job: 'Pre-job (enterprise)',
    enterprise_upgrade: 'Skill upgrade (enterprise)', enterprise_transfer: 'Job transfer (enterprise)', safety: 'Safety skills', apprenticeship: 'Apprenticeship',
    entrepreneurship: 'Entrepreneurship', work_for_training: 'Work for training', practical_skills: 'Practical skills', labour_preparation: 'Labour preparation',
  },
  skillLevels: { 1: 'Level 1 / senior technician', 2: 'Level 2 / technician', 3: 'Level 3 / senior worker', 4: 'Level 4 / intermediate', 5: 'Level 5 / junior' },
  cohortStates: {
    draft: 'Draft', opening_submitted: 'Opening submitted', opening_county_approved: 'County-approved, awaiting city', opening_approved: 'Opening approved',
    in_training: 'In training', completion_submitted: 'Completion submitted', completion_approved: 'Completion approved', examined: 'Examined',
    claimed: 'Claimed', closed: 'Closed', rejected: 'Rejected', cancelled: 'Cancelled',
  },
  documentKinds: {
    teaching_plan: 'Teaching plan', syllabus: 'Syllabus', timetable: 'Timetable', teacher_qualifications: 'Teacher qualifications', assessment_plan: 'Assessment plan',
    training_commitment: 'Training commitment', safety_commitment: 'Safety commitment', completion_report: 'Completion report', other: 'Other',
  },
  employmentProofKinds: { contract: 'Labour contract and payroll', business_licence: 'Business licence (self-employed)', flexible: 'Flexible employment' },
  voucherStates: { applied: 'Applied', issued: 'Issued', bound: 'Bound', redeemed: 'Redeemed', written_off: 'Written off', cancelled: 'Cancelled' },
  complaintCategories: { false_training: 'False training (inflated or stand-in trainees)', proxy_checkin: 'Proxy check-ins', subsidy_fraud: 'Subsidy fraud', fees: 'Unlawful fees', quality: 'Poor quality, missing lessons', other: 'Other' },
  complaintStates: { received: 'Received', assigned: 'In progress', answered: 'Closed' },
  roles: {
    city_admin: 'City bureau', county_admin: 'County bureau', reviewer: 'Case officer', finance: 'Finance bureau', inspector: 'Inspector',
    institution: 'Training institution', evaluator: 'Evaluator', enterprise: 'Enterprise', trainee: 'Trainee', system_admin: 'System administrator',
  },
};

export default enCodes;
