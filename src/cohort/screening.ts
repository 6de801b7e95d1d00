import type { Queryable } from '../db/db.ts';
import { identityFindings, type IdentityCheck, type IdentityFacts } from '../person/identity.ts';
import { AppError } from '../shared/errors.ts';
import { calculate } from '../policy/calculate.ts';
import { parseCase } from '../policy/case-file.ts';
import { layered } from '../policy/parameters.ts';
import { databaseResolver } from '../policy/routes.ts';
import { ownCitation, packForCohort, voucherRule } from './pack.ts';
import type { Cohort } from './store.ts';
import { OVERLAP_CITATION } from './guards.ts';
import { listEnrolments, listLessons, overlappingEnrolments } from './store.ts';

/**
 * Asks the identity systems about everyone on the roster. Outside any transaction: an external system may be
 * slow, and the embedded store has a single connection.
 */
export async function identityFactsFor(db: Queryable, identity: IdentityCheck, cohort: Pick<Cohort, 'cityCode' | 'id'>) {
  const enrolments = await listEnrolments(db, cohort);
  return identity.lookup(enrolments.map((e) => e.idNumber));
}

export interface ScreeningReason {
  rule: string;
  citation: string;
  text: string;
  severity: 'refusal' | 'warning';
}

export interface Screening {
  personId: string;
  name: string;
  eligible: boolean;
  reasons: ScreeningReason[];
}

/** Subsidies and certificates a person already had, as the engine's history entries. */
async function histories(db: Queryable, personIds: string[], cohort: Cohort) {
  const { rows } = await db.query(
    `SELECT x.person_id, c.end_date AS date, 'training' AS kind, c.occupation_code AS occupation, c.level
       FROM exam_result x JOIN cohort c ON c.city_code = x.city_code AND c.id = x.cohort_id
      WHERE x.person_id = ANY ($1::uuid[]) AND x.passed AND c.state IN ('claimed', 'closed') AND c.id <> $2
     UNION ALL
     SELECT person_id, evaluated_on, 'certificate', occupation_code, level FROM evaluation_result
      WHERE person_id = ANY ($1::uuid[]) AND passed AND cohort_id <> $2
     ORDER BY 2`,
    [personIds, cohort.id],
  );
  const byPerson = new Map<string, object[]>();
  for (const r of rows) {
    const entry = { date: r.date, kind: r.kind, occupation: r.occupation, ...(r.level ? { level: r.level } : {}) };
    byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), entry]);
  }
  return byPerson;
}

/** Who is screened: a roster entry, or a person not enrolled yet (no voucher can be bound before enrolment). */
interface Entry {
  personId: string;
  name: string;
  idNumber: string;
  groups: string[];
  voucherId: string | null;
  enrolled: boolean;
}

/**
 * Screens every roster entry (SPEC §4.1–4.3, heze 第十二条): the policy engine decides eligibility as if each
 * person completes, passes and finds work (money is not the question here, so standards the bureau has not
 * set yet count as 0); the identity systems, the voucher (无券不补, where the pack says so) and overlapping cohorts add their own
 * reasons. Nobody is dropped: each person comes back with their reasons.
 */
export async function screenCohort(db: Queryable, identityFacts: Map<string, IdentityFacts>, cohort: Cohort): Promise<Screening[]> {
  const enrolments = await listEnrolments(db, cohort);
  return screenEntries(db, identityFacts, cohort, enrolments.map((e) => ({ ...e, enrolled: true })), await overlappingEnrolments(db, cohort));
}

/**
 * The screening the persons would get on this roster, before anyone enrols them (read-only): screened beside
 * the present roster, as if added to it. A person already on the roster comes back as enrolled.
 */
export async function screenCandidates(db: Queryable, identity: IdentityCheck, cohort: Cohort, candidates: Omit<Entry, 'voucherId' | 'enrolled'>[]) {
  const roster = await listEnrolments(db, cohort);
  const onRoster = new Map(roster.map((e) => [e.personId, e]));
  const added = candidates.filter((c) => !onRoster.has(c.personId)).map((c) => ({ ...c, voucherId: null, enrolled: false }));
  const entries = [...roster.map((e) => ({ ...e, enrolled: true })), ...added];
  const wanted = new Set(candidates.map((c) => c.personId));
  const facts = await identity.lookup(candidates.map((c) => c.idNumber));
  const overlaps = await overlappingEnrolments(db, cohort, [...wanted]);
  const screened = await screenEntries(db, facts, cohort, entries, overlaps);
  const enrolled = new Set(roster.map((e) => e.personId));
  const byId = new Map(screened.map((s) => [s.personId, s]));
  return candidates.map((c) => ({ ...byId.get(c.personId)!, enrolled: enrolled.has(c.personId) }));
}

async function screenEntries(
  db: Queryable, identityFacts: Map<string, IdentityFacts>, cohort: Cohort, entries: Entry[], overlaps: { personId: string; otherCohort: string; date: string }[],
): Promise<Screening[]> {
  if (!entries.length) return [];
  const pack = packForCohort(cohort);
  const noVoucher = voucherRule(pack);
  const lessons = await listLessons(db, cohort);
  const history = await histories(db, entries.map((e) => e.personId), cohort);
  const days = new Set(lessons.map((l) => l.date)).size
    || Math.round((Date.parse(cohort.endDate) - Date.parse(cohort.startDate)) / 86_400_000) + 1;
  const caseFile = {
    policy: cohort.policy,
    kind: 'training',
    asOf: cohort.startDate,
    cohort: {
      programType: cohort.programType, occupation: cohort.occupationCode, ...(cohort.level ? { level: cohort.level } : {}),
      startDate: cohort.startDate, days, lessons: lessons.reduce((n, l) => n + l.lessons, 0),
      approvedHeadcount: entries.length, verifiedHeadcount: entries.length, missingRecordingHalfDays: 0,
      capacityReduction: cohort.capacityReduction,
    },
    trainees: entries.map((e) => ({
      id: e.personId, passed: true, employed: true, attendanceRate: 1, groups: e.groups, skillUpgradeSubsidy: false,
      voucherBound: true, verified: true, history: history.get(e.personId) ?? [],
    })),
  };
  let engine: Map<string, { eligible: boolean; reasons: readonly { rule: string; citation: string; text: string }[] }>;
  try {
    const decision = calculate(parseCase(caseFile), layered(await databaseResolver(db, pack), () => 0));
    engine = new Map(decision.persons.map((p) => [p.id, p]));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // A cohort-level refusal (e.g. the pack is not in force on the start date) applies to everyone.
    const reason = { rule: `policy.${e.code}`, citation: pack.docNumber, text: e.message };
    engine = new Map(entries.map((en) => [en.personId, { eligible: false, reasons: [reason] }]));
  }
  return entries.map((e) => {
    const reasons: ScreeningReason[] = (engine.get(e.personId)?.reasons ?? []).map((r) => ({ ...r, severity: 'refusal' as const }));
    const facts = identityFacts.get(e.idNumber);
    for (const f of facts ? identityFindings({ householdRegionCode: null }, facts) : []) {
      if (f.severity !== 'info') reasons.push({ rule: f.rule, citation: ownCitation(pack, f.citation, 'SPEC §4.1'), text: f.text, severity: f.severity });
    }
    // a voucher is bound to an enrolment: before enrolling there is none to miss
    if (e.enrolled && !e.voucherId && noVoucher) {
      reasons.push({ rule: 'voucher.unbound', citation: noVoucher.citation, text: '尚未绑定职业技能培训电子券：无券不补', severity: 'warning' });
    }
    for (const o of overlaps.filter((x) => x.personId === e.personId)) {
      reasons.push({ rule: 'enrolment.overlap', citation: ownCitation(pack, OVERLAP_CITATION, 'SPEC §4.3'), text: `已在“${o.otherCohort}”中，${o.date} 的课时与本班重叠`, severity: 'refusal' });
    }
    return { personId: e.personId, name: e.name, eligible: !reasons.some((r) => r.severity === 'refusal'), reasons };
  });
}
