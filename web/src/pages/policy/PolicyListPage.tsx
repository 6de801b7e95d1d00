import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useGet } from '../../hooks.ts';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import type { PolicySummary } from '../../types-cohort.ts';

/** 政策参数: the policy packs, one per seed document. */
export function PolicyListPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useGet<{ items: PolicySummary[] }>('/api/v1/policies');
  return (
    <>
      <PageHead title={t('policy.listTitle')} />
      {error ? <LoadError error={error} onRetry={reload} /> : (
        <Table<PolicySummary>
          rowKey="id"
          size="middle"
          loading={loading}
          pagination={false}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="policies"
          columns={[
            { title: t('cohort.fields.policy'), dataIndex: 'title', width: 360, render: (title: string, p) => <Link to={`/policies/${p.id}`}>{title}</Link> },
            { title: t('policy.docNumber'), dataIndex: 'docNumber', width: 220 },
            { title: t('policy.issuer'), dataIndex: 'issuer', width: 220, responsive: ['lg'] },
            { title: t('policy.validity'), key: 'validity', width: 220, render: (_: unknown, p) => `${p.validFrom} ~ ${p.validTo ?? t('policy.openEnded')}` },
          ]}
        />
      )}
    </>
  );
}
