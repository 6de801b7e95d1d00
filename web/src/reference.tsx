import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';

/** GET /api/v1/reference: the server's code lists with their Chinese labels (the only source of codes). */
export interface PolicyRef {
  id: string;
  title: string;
  docNumber: string;
  region: string;
  validFrom: string;
  validTo: string | null;
}
export interface Reference {
  roles: Record<string, string>;
  personGroups: Record<string, string>;
  employmentStatuses: Record<string, string>;
  educationLevels: Record<string, string>;
  institutionKinds: Record<string, string>;
  institutionStatuses: Record<string, string>;
  programTypes: Record<string, string>;
  historyKinds: Record<string, string>;
  skillLevels: Record<string, string>;
  cohortStates: Record<string, string>;
  documentKinds: Record<string, string>;
  requiredOpeningDocuments: string[];
  employmentProofKinds: Record<string, string>;
  voucherStates: Record<string, string>;
  complaintCategories: Record<string, string>;
  complaintStates: Record<string, string>;
  policies: PolicyRef[];
}
export type CodeList = Exclude<keyof Reference, 'requiredOpeningDocuments' | 'policies'>;

const ReferenceContext = createContext<Reference | undefined>(undefined);

/** Loads the reference lists once for the whole app (public: the login and public pages need none of it, but it costs one GET). */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const [ref, setRef] = useState<Reference | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let attempt = 0;
    const load = () => api.get<Reference>('/api/v1/reference').then(
      (r) => live && setRef(r),
      () => { if (live && ++attempt < 4) setTimeout(load, 1000 * attempt); },
    );
    void load();
    return () => {
      live = false;
    };
  }, []);
  return <ReferenceContext.Provider value={ref}>{children}</ReferenceContext.Provider>;
}

export interface Labels {
  ref: Reference | undefined;
  /** The label of a code: Chinese from the server; English from i18n `codes.<list>.<code>` when there is one. */
  label: (list: CodeList, code: string | number | null | undefined) => string;
  /** Select options of a list, in the server's order. */
  options: (list: CodeList) => { value: string; label: string }[];
  /** "五级/初级工", or "无等级" for 0. */
  level: (level: number | null | undefined) => string;
}

export function useLabels(): Labels {
  const ref = useContext(ReferenceContext);
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const label = useCallback((list: CodeList, code: string | number | null | undefined) => {
    if (code === null || code === undefined || code === '') return t('common.none');
    const zh = ref?.[list]?.[String(code)] ?? String(code);
    return en ? t(`codes.${list}.${code}`, { defaultValue: zh }) : zh;
  }, [ref, en, t]);
  const options = useCallback((list: CodeList) => Object.keys(ref?.[list] ?? {}).map((code) => ({ value: code, label: label(list, code) })), [ref, label]);
  const level = useCallback((l: number | null | undefined) => (l ? label('skillLevels', l) : t('common.noLevel')), [label, t]);
  return useMemo(() => ({ ref, label, options, level }), [ref, label, options, level]);
}
