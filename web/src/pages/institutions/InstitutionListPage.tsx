import { useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { query, type Page } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { useCounties, useGet } from '../../hooks.ts';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { InstitutionStatusTag } from '../../components/Tags.tsx';
import { useLabels } from '../../reference.tsx';
import type { InstitutionSummary } from '../../types.ts';

export function InstitutionListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const regionCode = params.get('regionCode') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const [text, setText] = useState(q);
  const counties = useCounties(me.cityCode);
  const { label, options } = useLabels();
  const { data, error, loading, reload } = useGet<Page<InstitutionSummary>>(`/api/v1/institutions${query({ q, status, regionCode, page, pageSize })}`);

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1)) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  return (
    <>
      <PageHead
        title={t('institution.listTitle')}
        actions={can(me, 'institution.create') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/institutions/new')}>{t('menu.institutionNew')}</Button>
        ) : null}
      />
      <div className="px-filters">
        <Input.Search
          allowClear
          placeholder={t('institution.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim(), page: 1 })}
          enterButton={t('common.search')}
          style={{ maxWidth: 360 }}
          aria-label={t('common.keyword')}
        />
        <Select
          allowClear
          placeholder={t('institution.fields.status')}
          value={status || undefined}
          onChange={(v?: string) => update({ status: v, page: 1 })}
          options={options('institutionStatuses')}
          data-testid="filter-status"
        />
        {counties.length > 1 ? (
          <Select
            allowClear
            placeholder={t('institution.fields.region')}
            value={regionCode || undefined}
            onChange={(v?: string) => update({ regionCode: v, page: 1 })}
            options={counties.map((r) => ({ value: r.code, label: r.name }))}
          />
        ) : null}
      </div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<InstitutionSummary>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => update({ page: s !== pageSize ? 1 : p, pageSize: s === 20 ? undefined : s }),
          }}
          columns={[
            {
              title: t('institution.fields.name'), dataIndex: 'name', width: 220,
              render: (name: string, r) => <Link to={`/institutions/${r.id}`}>{name}</Link>,
            },
            { title: t('institution.fields.kind'), dataIndex: 'kind', width: 150, responsive: ['md'], render: (k: string) => label('institutionKinds', k) },
            { title: t('institution.fields.region'), dataIndex: 'regionName', width: 100, responsive: ['sm'] },
            { title: t('institution.fields.status'), dataIndex: 'status', width: 100, render: (s: InstitutionSummary['status']) => <InstitutionStatusTag status={s} /> },
            {
              title: t('institution.fields.occupationNames'), dataIndex: 'occupationNames', width: 280, responsive: ['lg'],
              render: (names: string[]) => (
                <Space size={[0, 4]} wrap>
                  {names.slice(0, 4).map((n) => <Tag key={n} style={{ marginInlineEnd: 4 }}>{n}</Tag>)}
                  {names.length > 4 ? <Typography.Text type="secondary">+{names.length - 4}</Typography.Text> : null}
                </Space>
              ),
            },
            { title: t('institution.fields.contactName'), dataIndex: 'contactName', width: 90, responsive: ['md'] },
            { title: t('institution.fields.contactPhone'), dataIndex: 'contactPhone', width: 130, responsive: ['md'] },
            { title: t('institution.fields.contractEnd'), dataIndex: 'contractEnd', width: 110, responsive: ['lg'], render: (d: string | null) => d ?? t('common.none') },
          ]}
        />
      )}
    </>
  );
}
