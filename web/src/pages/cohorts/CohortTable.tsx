import { Table, type TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLabels } from '../../reference.tsx';
import { CohortStateTag } from '../../components/Tags.tsx';
import type { Cohort } from '../../types-cohort.ts';

/** The cohort list of the institution portal, the bureau workbench and the evaluator. */
export function CohortTable({ items, loading, pagination, showInstitution = true, testId }: {
  items: Cohort[];
  loading: boolean;
  pagination?: TablePaginationConfig | false;
  showInstitution?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { label, level } = useLabels();
  return (
    <Table<Cohort>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      pagination={pagination ?? false}
      data-testid={testId}
      columns={[
        { title: t('cohort.fields.name'), dataIndex: 'name', width: 220, render: (name: string, r) => <Link to={`/cohorts/${r.id}`}>{name}</Link> },
        ...(showInstitution ? [{ title: t('cohort.fields.institution'), dataIndex: 'institutionName', width: 200 }] : []),
        { title: t('cohort.fields.programType'), dataIndex: 'programType', width: 120, responsive: ['md'], render: (p: string) => label('programTypes', p) },
        { title: t('cohort.fields.occupation'), key: 'occupation', width: 180, render: (_: unknown, r: Cohort) => `${r.occupationName} · ${level(r.level)}` },
        { title: t('cohort.fields.dates'), key: 'dates', width: 190, responsive: ['sm'], render: (_: unknown, r: Cohort) => `${r.startDate} ~ ${r.endDate}` },
        { title: t('cohort.fields.enrolled'), dataIndex: 'enrolled', width: 80, align: 'right' },
        { title: t('cohort.fields.state'), dataIndex: 'state', width: 150, render: (s: Cohort['state']) => <CohortStateTag state={s} /> },
      ]}
    />
  );
}
