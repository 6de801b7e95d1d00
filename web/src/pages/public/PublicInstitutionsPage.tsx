import { useState } from 'react';
import { Input, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { query, type Page } from '../../api.ts';
import { useGet } from '../../hooks.ts';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import type { PublicInstitution } from '../../types-cohort.ts';

/** 培训机构目录 (public): listed institutions with their occupations and contact. */
export function PublicInstitutionsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useGet<Page<PublicInstitution>>(`/api/v1/public/institutions${query({ q, page, pageSize: 20 })}`);
  return (
    <>
      <PageHead title={t('public.directory')} />
      <div className="px-filters">
        <Input.Search allowClear placeholder={t('public.directorySearch')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} enterButton={t('common.search')} style={{ maxWidth: 360 }} aria-label={t('public.directorySearch')} />
      </div>
      {error ? <LoadError error={error} onRetry={reload} /> : (
        <Table<PublicInstitution>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common.total', { count: n }) }}
          columns={[
            { title: t('institution.fields.name'), dataIndex: 'name', width: 240 },
            { title: t('public.region'), dataIndex: 'regionName', width: 90 },
            { title: t('public.occupations'), dataIndex: 'occupations', width: 300, render: (o: string[]) => <Space size={[0, 4]} wrap>{o.map((n) => <Tag key={n}>{n}</Tag>)}</Space> },
            { title: t('public.contact'), dataIndex: 'contactName', width: 90 },
            { title: t('public.phone'), dataIndex: 'contactPhone', width: 130 },
            { title: t('public.address'), dataIndex: 'address', responsive: ['lg'] },
          ]}
        />
      )}
    </>
  );
}
