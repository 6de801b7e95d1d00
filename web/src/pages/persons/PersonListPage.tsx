import { Button, Select, Table } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { query } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { useRegionNames } from '../../hooks.ts';
import { usePagedList } from '../../pagedList.ts';
import { ListSearch, RegionFilter } from '../../components/ListFilters.tsx';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { EmploymentTag, GroupTags } from '../../components/PersonLabels.tsx';
import { useLabels } from '../../reference.tsx';
import type { Person } from '../../types.ts';

export function PersonListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { options } = useLabels();
  const regionName = useRegionNames(me.cityCode);
  const list = usePagedList<Person>('/api/v1/persons', ['q', 'group', 'regionCode']);

  return (
    <>
      <PageHead
        title={t('person.listTitle')}
        actions={
          <>
            {can(me, 'person.create') ? <Button type="primary" icon={<UserAddOutlined />} onClick={() => navigate('/persons/new')}>{t('menu.personNew')}</Button> : null}
            {can(me, 'person.import') ? <Button icon={<FileExcelOutlined />} onClick={() => navigate('/persons/import')}>{t('person.import')}</Button> : null}
            {can(me, 'person.export') ? (
              <Button icon={<DownloadOutlined />} href={`/api/v1/persons/export${query(list.filters)}`} download>{t('person.export')}</Button>
            ) : null}
          </>
        }
      />
      <div className="px-filters">
        <ListSearch value={list.filters.q} placeholder={t('person.searchPlaceholder')} onSearch={(q) => list.update({ q, page: 1 })} />
        <Select
          allowClear
          placeholder={t('person.fields.groups')}
          {...list.filter('group')}
          options={options('personGroups')}
          popupMatchSelectWidth={false}
        />
        {me.role !== 'institution' ? <RegionFilter placeholder={t('person.fields.regionCode')} {...list.filter('regionCode')} /> : null}
      </div>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Person>
          {...list.table}
          size="middle"
          columns={[
            { title: t('person.fields.name'), dataIndex: 'name', width: 100, render: (name: string, r) => <Link to={`/persons/${r.id}`}>{name}</Link> },
            { title: t('person.fields.idNumber'), dataIndex: 'idNumber', width: 190, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
            { title: t('person.fields.gender'), dataIndex: 'gender', width: 70, responsive: ['md'], render: (g: Person['gender']) => t(`person.gender.${g}`) },
            { title: t('person.fields.age'), dataIndex: 'age', width: 70, responsive: ['md'] },
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
