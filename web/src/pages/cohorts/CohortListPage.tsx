import { Button, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { usePagedList } from '../../pagedList.ts';
import { ListSearch } from '../../components/ListFilters.tsx';
import { useLabels } from '../../reference.tsx';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import type { Cohort } from '../../types-cohort.ts';
import { CohortTable } from './CohortTable.tsx';

/** 培训班: an institution's own, an evaluator's assignments, or every cohort in a bureau's scope. */
export function CohortListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { options } = useLabels();
  const list = usePagedList<Cohort>('/api/v1/cohorts', ['q', 'state']);
  const title = me.role === 'institution' ? t('cohort.listTitle') : me.role === 'evaluator' ? t('cohort.evaluationsTitle') : t('cohort.allTitle');

  return (
    <>
      <PageHead
        title={title}
        actions={can(me, 'cohort.create') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cohorts/new')} data-testid="cohort-new">{t('cohort.newTitle')}</Button>
        ) : null}
      />
      <div className="px-filters">
        <ListSearch value={list.filters.q} placeholder={t('cohort.searchPlaceholder')} onSearch={(q) => list.update({ q, page: 1 })} />
        <Select
          allowClear
          placeholder={t('cohort.fields.state')}
          {...list.filter('state')}
          options={options('cohortStates')}
          popupMatchSelectWidth={false}
          data-testid="filter-state"
        />
      </div>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : (
        <CohortTable
          items={list.data?.items ?? []}
          loading={list.loading}
          showInstitution={me.role !== 'institution'}
          testId="cohort-list"
          pagination={list.pagination}
        />
      )}
    </>
  );
}
