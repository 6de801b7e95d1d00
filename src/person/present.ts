import type { Actor } from '../auth/auth.ts';
import { allow, can, isBureau } from '../auth/auth.ts';
import { maskIdNumber, maskPhone } from './id-number.ts';
import type { Person } from './person.ts';

/**
 * The one place where personal data is shaped for a response (SPEC §6.3, PIPL 最小必要).
 *
 * Every response masks ID numbers (first 4 + last 4) and phones (first 3 + last 4). Nothing beside a masked ID may
 * narrow its hidden digits 5–14 (county and birth date): no birth date, no household region code, no birth month or
 * household address on forms. An age in whole years is shown instead. Whole values come only from `reveal`, which is
 * audited.
 */
export const maskedIdentity = (idNumber: string, phone: string | null) => ({
  idNumber: maskIdNumber(idNumber),
  phone: phone ? maskPhone(phone) : null,
});

/** Whole years on `today` (YYYY-MM-DD), from the birth date the ID number carries. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function presentPerson(p: Person, actor: Actor, today: string) {
  const { birthDate, householdRegionCode: _household, idNumber, phone, ...rest } = p;
  return {
    ...rest,
    ...maskedIdentity(idNumber, phone),
    age: ageOn(birthDate, today),
    employmentCardNo: isBureau(actor) ? p.employmentCardNo : null,
    masked: true as const,
  };
}
export type PresentedPerson = ReturnType<typeof presentPerson>;

export const REVEAL_FIELDS = ['idNumber', 'phone'] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

/**
 * Who may see a whole number on request (SPEC §1): the bureau officers who handle identity documents, the
 * institution that enrols the person, and the person. Finance, inspectors, evaluators and enterprises work with
 * masked numbers. Which persons is the store's scope check; this table says which roles.
 */
export const revealPolicy = [
  allow(['city_admin', 'county_admin', 'reviewer', 'institution'], 'reveal'),
  allow<{ personId: string }>('trainee', 'reveal', (actor, r) => actor.personId === r.personId),
];
export const mayReveal = (actor: Actor, personId: string) => can(revealPolicy, actor, 'reveal', { personId });

/** Roles that may print or export whole numbers of many persons (学员登记表, 人员名册, 学员花名册); each print is audited. */
export const printsWholeNumbers = (actor: Actor) => can(revealPolicy, actor, 'reveal', { personId: '' });
