import type { Api } from './http.ts';
import { ROLE_LABELS } from '../auth/auth.ts';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, PERSON_GROUPS } from '../person/person.ts';
import { INSTITUTION_KINDS, INSTITUTION_STATUS_LABELS } from '../registry/institution.ts';
import { HISTORY_KIND_NAMES, PROGRAM_TYPE_NAMES } from '../policy/policy.ts';
import { PACKS } from '../policy/packs/index.ts';
import { COHORT_STATE_LABELS, DOCUMENT_KINDS, REQUIRED_OPENING_DOCUMENTS } from '../cohort/cohort.ts';
import { PROOF_KINDS } from '../cohort/employment.ts';
import { VOUCHER_STATE_LABELS } from '../voucher/voucher.ts';
import { SKILL_LEVELS } from '../registry/occupations.ts';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATE_LABELS } from '../complaint/complaint.ts';

/** The vocabularies with their Chinese labels, one place for every client (web, phones, integrations). */
export function referenceRoutes(app: Api) {
  app.get('/api/v1/reference', { schema: { tags: ['reference'], summary: 'Code lists and their labels' } }, async () => ({
    roles: ROLE_LABELS,
    complaintCategories: COMPLAINT_CATEGORIES,
    complaintStates: COMPLAINT_STATE_LABELS,
    personGroups: PERSON_GROUPS,
    employmentStatuses: EMPLOYMENT_STATUSES,
    educationLevels: EDUCATION_LEVELS,
    institutionKinds: INSTITUTION_KINDS,
    institutionStatuses: INSTITUTION_STATUS_LABELS,
    programTypes: PROGRAM_TYPE_NAMES,
    /** what a case file's `history` entries say a person already had */
    historyKinds: HISTORY_KIND_NAMES,
    skillLevels: Object.fromEntries(SKILL_LEVELS.map((l) => [l.level, l.label])),
    cohortStates: COHORT_STATE_LABELS,
    documentKinds: DOCUMENT_KINDS,
    requiredOpeningDocuments: REQUIRED_OPENING_DOCUMENTS,
    employmentProofKinds: PROOF_KINDS,
    voucherStates: VOUCHER_STATE_LABELS,
    policies: PACKS.map((p) => ({ id: p.id, title: p.title, docNumber: p.docNumber, region: p.region, validFrom: p.validFrom, validTo: p.validTo ?? null })),
  }));
}
