import { Badge, Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Page } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { useGet } from '../../hooks.ts';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import type { Cohort } from '../../types-cohort.ts';
import type { Role } from '../../types.ts';
import { CohortTable } from '../cohorts/CohortTable.tsx';

/** The review queues of each bureau role: the cohort list filtered by the states it acts on. */
const QUEUES: Partial<Record<Role, { key: string; label: string; states: string }[]>> = {
  county_admin: [
    { key: 'openings', label: 'workbench.openings', states: 'opening_submitted' },
    { key: 'completions', label: 'workbench.completions', states: 'completion_submitted' },
  ],
  city_admin: [{ key: 'city-openings', label: 'workbench.cityOpenings', states: 'opening_county_approved' }],
};

function Queue({ states }: { states: string }) {
  const { data, error, loading, reload } = useGet<Page<Cohort>>(`/api/v1/cohorts?state=${states}&pageSize=100`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  return <CohortTable items={data?.items ?? []} loading={loading} testId={`queue-${states}`} />;
}

function Count({ states }: { states: string }) {
  const { data } = useGet<Page<Cohort>>(`/api/v1/cohorts?state=${states}&pageSize=1`);
  return <Badge count={data?.total ?? 0} showZero color={data?.total ? '#fa8c16' : '#d9d9d9'} style={{ marginInlineStart: 6 }} />;
}

export function WorkbenchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const queues = QUEUES[me.role] ?? [];
  const active = params.get('queue') ?? queues[0]?.key;
  return (
    <>
      <PageHead title={t('workbench.title')} />
      <Typography.Paragraph type="secondary">{t('workbench.intro')}</Typography.Paragraph>
      <Card size="small">
        <Tabs
          activeKey={active}
          onChange={(k) => setParams({ queue: k }, { replace: true })}
          items={queues.map((q) => ({
            key: q.key,
            label: <span data-queue={q.key}>{t(q.label)}<Count states={q.states} /></span>,
            children: <Queue states={q.states} />,
          }))}
        />
      </Card>
    </>
  );
}
