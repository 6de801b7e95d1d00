import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { usePagedList } from '../../pagedList.ts';
import { ListSearch, RegionFilter } from '../../components/ListFilters.tsx';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { InstitutionStatusTag } from '../../components/Tags.tsx';
import { useLabels } from '../../reference.tsx';
import type { InstitutionSummary } from '../../types.ts';

export function InstitutionListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { label, options } = useLabels();
  const list = usePagedList<InstitutionSummary>('/api/v1/institutions', ['q', 'status', 'regionCode']);

  return (
    <>
      <PageHead
        title={t('institution.listTitle')}
        actions={can(me, 'institution.create') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/institutions/new')}>{t('menu.institutionNew')}</Button>
        ) : null}
      />
      <div className="px-filters">
        <ListSearch value={list.filters.q} placeholder={t('institution.searchPlaceholder')} onSearch={(q) => list.update({ q, page: 1 })} />
        <Select
          allowClear
          placeholder={t('institution.fields.status')}
          {...list.filter('status')}
          options={options('institutionStatuses')}
          data-testid="filter-status"
        />
        <RegionFilter placeholder={t('institution.fields.region')} {...list.filter('regionCode')} />
      </div>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<InstitutionSummary>
          {...list.table}
          size="middle"
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
