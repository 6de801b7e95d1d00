import { Skeleton, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Page } from '../../api.ts';
import { useGet, useReloadOn } from '../../hooks.ts';
import { useLabels } from '../../reference.tsx';
import { LoadError } from '../../components/Problem.tsx';
import { RefusalAlert } from '../../components/Reasons.tsx';
import { DecisionView } from '../../components/DecisionView.tsx';
import { MaskedValue } from '../../components/MaskedValue.tsx';
import { formatTime } from '../../format.ts';
import type { Certificate, CohortDetail, Decision } from '../../types-cohort.ts';

/** 证书: the certificates issued to this cohort. */
export function CertificatesTab({ cohort }: { cohort: CohortDetail }) {
  const { t } = useTranslation();
  const { level } = useLabels();
  const { data, error, loading, reload } = useGet<Page<Certificate>>(`/api/v1/certificates?cohortId=${cohort.id}&pageSize=200`);
  useReloadOn(cohort, reload);
  if (error) return <LoadError error={error} onRetry={reload} />;
  return (
    <Table<Certificate>
      rowKey="number"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('cohort.certificates.empty') }}
      scroll={{ x: 'max-content' }}
      data-testid="certificates"
      columns={[
        { title: t('cohort.certificates.number'), dataIndex: 'number', width: 190, render: (n: string) => <Typography.Text code copyable>{n}</Typography.Text> },
        { title: t('cohort.certificates.holder'), dataIndex: 'holderName', width: 100 },
        { title: t('cohort.certificates.idNumber'), dataIndex: 'idNumber', width: 230, render: (v: string, r: Certificate) => <MaskedValue personId={r.personId} field="idNumber" value={v} /> },
        { title: t('cohort.certificates.occupation'), dataIndex: 'occupationName', width: 140 },
        { title: t('cohort.certificates.level'), dataIndex: 'level', width: 130, render: (l: number) => level(l) },
        { title: t('cohort.certificates.issuedOn'), dataIndex: 'issuedOn', width: 110 },
      ]}
    />
  );
}

/** 补贴测算: the engine's decision on this cohort's records, or the problem that stops it (an unset parameter is named). */
export function SubsidyTab({ cohort }: { cohort: CohortDetail }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useGet<Decision>(`/api/v1/cohorts/${cohort.id}/subsidy`);
  useReloadOn(cohort, reload);
  return (
    <div data-testid="subsidy">
      <Typography.Paragraph type="secondary">{t('cohort.subsidy.note')}</Typography.Paragraph>
      {error ? <RefusalAlert error={error} /> : loading || !data ? <Skeleton active /> : <DecisionView decision={data} />}
    </div>
  );
}

/** 流程记录: every transition with who, when and why. */
export function EventsTab({ cohort }: { cohort: CohortDetail }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  if (!cohort.events.length) return <Typography.Text type="secondary">{t('cohort.events.empty')}</Typography.Text>;
  return (
    <Timeline
      data-testid="events"
      items={cohort.events.map((e, i) => ({
        key: i,
        color: ['reject', 'cancel'].includes(e.action) ? 'red' : e.action.startsWith('return') ? 'orange' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{t(`cohort.action.${e.action}`, { defaultValue: e.action })}</Typography.Text>
            <Typography.Text type="secondary">　{label('cohortStates', e.from)} → {label('cohortStates', e.to)}</Typography.Text>
            <div>
              <Typography.Text type="secondary">{formatTime(e.at)} · {e.actorName ?? t('common.none')}（{label('roles', e.role)}）</Typography.Text>
            </div>
            {e.reason ? <div>{t('cohort.events.reason')}：{e.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
