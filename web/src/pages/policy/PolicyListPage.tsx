import { Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useGet } from '../../hooks.ts';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import type { PolicySummary } from '../../types-cohort.ts';

/** 政策参数: the policy packs, one per seed document; the server lists the account's own city's first and marks it. */
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
            { title: t('cohort.fields.policy'), dataIndex: 'title', width: 360, render: (title: string, p) => (
              <Space size={4}><Link to={`/policies/${p.id}`}>{title}</Link>{p.own ? <Tag color="blue" data-testid="own-pack">{t('policy.own')}</Tag> : null}</Space>
            ) },
            { title: t('policy.docNumber'), dataIndex: 'docNumber', width: 220 },
            { title: t('policy.issuer'), dataIndex: 'issuer', width: 220, responsive: ['lg'] },
            { title: t('policy.validity'), key: 'validity', width: 220, render: (_: unknown, p) => `${p.validFrom} ~ ${p.validTo ?? t('policy.openEnded')}` },
          ]}
        />
      )}
    </>
  );
}
