import { useState } from 'react';
import { Button, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { query, type Page } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { useGet } from '../../hooks.ts';
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
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const state = params.get('state') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const [text, setText] = useState(q);
  const { data, error, loading, reload } = useGet<Page<Cohort>>(`/api/v1/cohorts${query({ q, state, page, pageSize })}`);

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1)) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };
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
        <Input.Search
          allowClear
          placeholder={t('cohort.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim(), page: 1 })}
          enterButton={t('common.search')}
          style={{ maxWidth: 360 }}
          aria-label={t('common.keyword')}
        />
        <Select
          allowClear
          placeholder={t('cohort.fields.state')}
          value={state || undefined}
          onChange={(v?: string) => update({ state: v, page: 1 })}
          options={options('cohortStates')}
          popupMatchSelectWidth={false}
          data-testid="filter-state"
        />
      </div>
      {error ? <LoadError error={error} onRetry={reload} /> : (
        <CohortTable
          items={data?.items ?? []}
          loading={loading}
          showInstitution={me.role !== 'institution'}
          testId="cohort-list"
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => update({ page: s !== pageSize ? 1 : p, pageSize: s === 20 ? undefined : s }),
          }}
        />
      )}
    </>
  );
}
