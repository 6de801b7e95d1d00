import { useState } from 'react';
import { Button, Select, Space } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, query, type Page } from '../../api.ts';
import type { Cohort, CohortDetail, EmploymentSummary } from '../../types-cohort.ts';

/**
 * Picks a cohort in the account's scope (GET /api/v1/cohorts?q=) and hands over its detail and employment
 * summary, for the calculator to take its training and trainees from.
 */
export function CohortRosterPicker({ onLoaded, onError }: { onLoaded: (c: CohortDetail, e: EmploymentSummary | null) => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Cohort[]>([]);
  const [value, setValue] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);

  const search = async (q: string) => {
    setLoading(true);
    try {
      setOptions((await api.get<Page<Cohort>>(`/api/v1/cohorts${query({ q: q.trim(), pageSize: 20 })}`)).items);
    } catch (e) {
      onError(e);
    } finally {
      setLoading(false);
    }
  };
  const load = async () => {
    if (!value) return;
    setBusy(true);
    try {
      const detail = await api.get<CohortDetail>(`/api/v1/cohorts/${value}`);
      // employment is recorded only after the exams; without it everyone counts as employed
      const employment = await api.get<EmploymentSummary>(`/api/v1/cohorts/${value}/employment`).catch(() => null);
      onLoaded(detail, employment);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space.Compact style={{ maxWidth: '100%' }}>
      <Select
        showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
        onOpenChange={(open) => open && !options.length && void search('')}
        value={value}
        onChange={setValue}
        loading={loading}
        placeholder={t('calc.pickCohort')}
        style={{ width: 360, maxWidth: '60vw' }}
        options={options.map((c) => ({ value: c.id, label: `${c.name}（${c.stateLabel}，${c.enrolled}人）` }))}
        aria-label={t('calc.fromRoster')}
        data-testid="calc-cohort"
      />
      <Button icon={<TeamOutlined />} onClick={load} loading={busy} disabled={!value} data-testid="calc-load-roster">{t('calc.loadRoster')}</Button>
    </Space.Compact>
  );
}
