import type { ProgramType } from '../policy/policy.ts';
import { maskName } from '../person/id-number.ts';

/**
 * 培训合格证书 numbers (suihua 第五条(五), second 第十条(五)): JNPX (就业技能/岗位技能提升), GQPX (岗前),
 * ZGPX (转岗) + 12 + the 2-digit local (county) code + 2-digit year + a 6-digit number counting up within
 * the year. The other seeds order certificates for those who pass (yangquan 第十二条, heze 第十四条)
 * without a format; peixun numbers them all this way.
 */
export const CERTIFICATE_CITATION = '绥就办发〔2019〕1号 第五条(五)';

export type CertificatePrefix = 'JNPX' | 'GQPX' | 'ZGPX';

export const prefixFor = (programType: ProgramType): CertificatePrefix =>
  programType === 'enterprise_pre_job' ? 'GQPX' : programType === 'enterprise_transfer' ? 'ZGPX' : 'JNPX';

/** The county's own two digits of its GB/T 2260 code (北林区 231202 → 02). */
export const localCode = (regionCode: string) => regionCode.slice(4, 6);

export function certificateNumber(prefix: CertificatePrefix, regionCode: string, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new RangeError(`certificate sequence out of range: ${seq}`);
  return `${prefix}12${localCode(regionCode)}${String(year % 100).padStart(2, '0')}${String(seq).padStart(6, '0')}`;
}

export const CERTIFICATE_NUMBER_PATTERN = /^(JNPX|GQPX|ZGPX)12\d{2}\d{2}\d{6}$/;

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
