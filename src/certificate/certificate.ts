import type { ProgramType } from '../policy/policy.ts';
import { maskName } from '../person/id-number.ts';

/**
 * 培训合格证书 numbers. In 绥化 (suihua 第五条(五), second 第十条(五)): JNPX (就业技能/岗位技能提升), GQPX (岗前),
 * ZGPX (转岗) + 12 + the 2-digit local (county) code + 2-digit year + a 6-digit number counting up within the
 * year: 16 characters. The other seeds order certificates for those who pass (yangquan 第十二条, heze 第十四条)
 * without a format; there peixun writes the full 6-digit county code in place of `12` + 2 digits: 18
 * characters. The two formats differ in length, the county code (unique nationally) or Suihua's own two
 * digits are in the number and the sequence counts per county and year, so no two certificates share one.
 */
export const CERTIFICATE_CITATION = '绥就办发〔2019〕1号 第五条(五)';
export const SUIHUA_CITY = '231200';

export type CertificatePrefix = 'JNPX' | 'GQPX' | 'ZGPX';

export const prefixFor = (programType: ProgramType): CertificatePrefix =>
  programType === 'enterprise_pre_job' ? 'GQPX' : programType === 'enterprise_transfer' ? 'ZGPX' : 'JNPX';

/** The place part of the number: `12` + 北林区's 02 in Suihua, the whole county code (牡丹区 371702) elsewhere. */
export const placeCode = (cityCode: string, regionCode: string) => (cityCode === SUIHUA_CITY ? `12${regionCode.slice(4, 6)}` : regionCode);

export function certificateNumber(prefix: CertificatePrefix, cityCode: string, regionCode: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new RangeError(`certificate sequence out of range: ${seq}`);
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`not a county code: ${regionCode}`);
  return `${prefix}${placeCode(cityCode, regionCode)}${String(year % 100).padStart(2, '0')}${String(seq).padStart(6, '0')}`;
}

/** Suihua's 16 characters or the 18 with the full county code. */
export const CERTIFICATE_NUMBER_PATTERN = /^(JNPX|GQPX|ZGPX)(12\d{2}|\d{6})\d{8}$/;

export interface PublicCertificate {
  number: string;
  holder: string;
  occupation: string;
  level: number;
  institution: string;
  issuedOn: string;
}

/** What anyone may see when verifying a number: the holder's name partly hidden. */
export const presentPublic = (c: { number: string; holderName: string; occupationName: string; level: number; institutionName: string; issuedOn: string }): PublicCertificate => ({
  number: c.number, holder: maskName(c.holderName), occupation: c.occupationName, level: c.level, institution: c.institutionName, issuedOn: c.issuedOn,
});

/** Whether the name a visitor typed is the holder's: the whole name, exactly, after trimming spaces. */
export const holderMatches = (holderName: string, typed: string) => typed.trim().length > 0 && typed.trim() === holderName.trim();
