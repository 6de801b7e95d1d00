import { useState } from 'react';
import { Button, Input, Select, Table } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { query, type Page } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { useCounties, useGet, useRegionNames } from '../../hooks.ts';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { EmploymentTag, GroupTags } from '../../components/PersonLabels.tsx';
import { useLabels } from '../../reference.tsx';
import type { Person } from '../../types.ts';

export function PersonListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const group = params.get('group') ?? '';
  const regionCode = params.get('regionCode') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const [text, setText] = useState(q);
  const counties = useCounties(me.cityCode);
  const { options } = useLabels();
  const regionName = useRegionNames(me.cityCode);
  const { data, error, loading, reload } = useGet<Page<Person>>(`/api/v1/persons${query({ q, group, regionCode, page, pageSize })}`);

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
        title={t('person.listTitle')}
        actions={
          <>
            {can(me, 'person.create') ? <Button type="primary" icon={<UserAddOutlined />} onClick={() => navigate('/persons/new')}>{t('menu.personNew')}</Button> : null}
            {can(me, 'person.import') ? <Button icon={<FileExcelOutlined />} onClick={() => navigate('/persons/import')}>{t('person.import')}</Button> : null}
            {can(me, 'person.export') ? (
              <Button icon={<DownloadOutlined />} href={`/api/v1/persons/export${query({ q, group, regionCode })}`} download>{t('person.export')}</Button>
            ) : null}
          </>
        }
      />
      <div className="px-filters">
        <Input.Search
          allowClear
          placeholder={t('person.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim(), page: 1 })}
          enterButton={t('common.search')}
          style={{ maxWidth: 360 }}
          aria-label={t('common.keyword')}
        />
        <Select
          allowClear
          placeholder={t('person.fields.groups')}
          value={group || undefined}
          onChange={(v?: string) => update({ group: v, page: 1 })}
          options={options('personGroups')}
          popupMatchSelectWidth={false}
        />
        {counties.length > 1 && me.role !== 'institution' ? (
          <Select
            allowClear
            placeholder={t('person.fields.regionCode')}
            value={regionCode || undefined}
            onChange={(v?: string) => update({ regionCode: v, page: 1 })}
            options={counties.map((r) => ({ value: r.code, label: r.name }))}
          />
        ) : null}
      </div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<Person>
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
            { title: t('person.fields.name'), dataIndex: 'name', width: 100, render: (name: string, r) => <Link to={`/persons/${r.id}`}>{name}</Link> },
            { title: t('person.fields.idNumber'), dataIndex: 'idNumber', width: 190, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
            { title: t('person.fields.gender'), dataIndex: 'gender', width: 70, responsive: ['md'], render: (g: Person['gender']) => t(`person.gender.${g}`) },
            { title: t('person.fields.birthDate'), dataIndex: 'birthDate', width: 110, responsive: ['md'] },
            { title: t('person.fields.phone'), dataIndex: 'phone', width: 130, responsive: ['md'], render: (p: string | null) => p ?? t('common.none') },
            { title: t('person.fields.groups'), dataIndex: 'groups', responsive: ['lg'], render: (g: Person['groups']) => <GroupTags groups={g} max={2} /> },
            { title: t('person.fields.employmentStatus'), dataIndex: 'employmentStatus', width: 100, render: (s: Person['employmentStatus']) => <EmploymentTag status={s} /> },
            { title: t('person.fields.regionCode'), dataIndex: 'regionCode', width: 100, responsive: ['md'], render: (c: string) => regionName(c) },
          ]}
        />
      )}
    </>
  );
}
