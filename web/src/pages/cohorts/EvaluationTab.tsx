import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { useGet } from '../../hooks.ts';
import { RefusalAlert } from '../../components/Reasons.tsx';
import type { CohortDetail, Evaluator, RosterEntry } from '../../types-cohort.ts';

type Row = { passed: boolean; certificateNo: string; evaluatedOn: Dayjs };
const OPEN_STATES = ['completion_approved', 'examined', 'claimed'];

/**
 * 技能评价: the bureau assigns an evaluator (never the trainer); the assigned evaluator records its results,
 * its form filled with those already saved; everyone who sees the tab reads the saved results.
 */
export function EvaluationTab({ cohort, onChange }: { cohort: CohortDetail; onChange: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const assigning = can(me, 'cohort.assignEvaluator');
  const evaluators = useGet<Page<Evaluator>>(assigning ? '/api/v1/evaluators?pageSize=100' : null);
  const [choice, setChoice] = useState<string | undefined>(cohort.evaluatorId ?? undefined);
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const persons = cohort.roster.filter((r) => r.inCompletionRoster);
  const mayRecord = me.role === 'evaluator' && me.evaluatorId === cohort.evaluatorId && OPEN_STATES.includes(cohort.state);

  useEffect(() => {
    setRows(Object.fromEntries(cohort.roster.map((r) => [r.personId, r.evaluation
      ? { passed: r.evaluation.passed, certificateNo: r.evaluation.certificateNo ?? '', evaluatedOn: dayjs(r.evaluation.evaluatedOn) }
      : { passed: !!r.exam?.passed, certificateNo: '', evaluatedOn: dayjs() }])));
  }, [cohort.roster]);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const assign = () => run(async () => {
    await api.put(`/api/v1/cohorts/${cohort.id}/evaluator`, { evaluatorId: choice });
    message.success(t('cohort.evaluation.assigned'));
    onChange();
  });
  const save = () => run(async () => {
    const results = persons.map((p) => {
      const r = rows[p.personId];
      return { personId: p.personId, passed: r.passed, certificateNo: r.passed ? r.certificateNo.trim() || null : null, evaluatedOn: r.evaluatedOn.format('YYYY-MM-DD') };
    });
    const res = await api.put<{ recorded: number }>(`/api/v1/cohorts/${cohort.id}/evaluations`, { results });
    message.success(t('cohort.evaluation.saved', { count: res.recorded }));
    onChange();
  });
  const set = (id: string, patch: Partial<Row>) => setRows((s) => ({ ...s, [id]: { ...s[id], ...patch } }));
  const currentName = cohort.evaluatorName ?? evaluators.data?.items.find((e) => e.id === cohort.evaluatorId)?.name
    ?? (cohort.evaluatorId ? (me.evaluatorId === cohort.evaluatorId ? me.orgName : cohort.evaluatorId) : t('cohort.evaluation.notAssigned'));
  const recorded = persons.filter((p) => p.evaluation).length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {error ? <RefusalAlert error={error} onClose={() => setError(null)} /> : null}
      <Card size="small" title={t('cohort.evaluation.current')}>
        <Descriptions size="small" column={1} items={[{ key: 'e', label: t('cohort.fields.evaluator'), children: currentName }]} />
        {assigning ? (
          <Space.Compact style={{ marginTop: 8 }}>
            <Select
              value={choice}
              onChange={setChoice}
              placeholder={t('cohort.evaluation.choose')}
              style={{ width: 320 }}
              loading={evaluators.loading}
              options={(evaluators.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
            <Button type="primary" onClick={assign} loading={busy} disabled={!choice}>{t('cohort.evaluation.assign')}</Button>
          </Space.Compact>
        ) : null}
      </Card>
      {me.role === 'evaluator' || recorded ? (
        <Card size="small" title={`${me.role === 'evaluator' ? t('cohort.evaluation.results') : t('cohort.evaluation.resultsRead')}（${t('cohort.evaluation.recordedCount', { count: recorded, total: persons.length })}）`} data-testid="evaluation-results"
          extra={mayRecord ? <Button type="primary" onClick={save} loading={busy} data-testid="save-evaluations">{t('cohort.evaluation.save')}</Button> : null}>
          {!mayRecord && me.role === 'evaluator' ? <Alert type="info" showIcon title={t('cohort.evaluation.notYet')} style={{ marginBottom: 12 }} /> : null}
          <Table<RosterEntry>
            rowKey="personId"
            size="small"
            pagination={false}
            dataSource={persons}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('person.fields.name'), dataIndex: 'name', width: 100 },
              { title: t('person.fields.idNumber'), dataIndex: 'idNumber', width: 180, render: (v: string) => <span className="px-mono">{v}</span> },
              {
                title: t('cohort.evaluation.passed'), key: 'passed', width: 80,
                render: (_: unknown, p) => (mayRecord
                  ? <Checkbox checked={rows[p.personId]?.passed} onChange={(e) => set(p.personId, { passed: e.target.checked })} aria-label={`${p.name} passed`} />
                  : p.evaluation ? <Tag color={p.evaluation.passed ? 'success' : 'error'}>{p.evaluation.passed ? t('cohort.evaluation.passed') : t('cohort.evaluation.failed')}</Tag> : t('common.none')),
              },
              {
                title: t('cohort.evaluation.certificateNo'), key: 'no', width: 240,
                render: (_: unknown, p) => (mayRecord
                  ? <Input disabled={!rows[p.personId]?.passed} value={rows[p.personId]?.certificateNo} maxLength={40} onChange={(e) => set(p.personId, { certificateNo: e.target.value })} aria-label={`${p.name} certificateNo`} />
                  : <span className="px-mono">{p.evaluation?.certificateNo ?? t('common.none')}</span>),
              },
              {
                title: t('cohort.evaluation.evaluatedOn'), key: 'on', width: 160,
                render: (_: unknown, p) => (mayRecord
                  ? <DatePicker value={rows[p.personId]?.evaluatedOn} allowClear={false} onChange={(d) => d && set(p.personId, { evaluatedOn: d })} />
                  : p.evaluation?.evaluatedOn ?? t('common.none')),
              },
              {
                title: t('cohort.evaluation.recordedBy'), key: 'by', width: 200,
                render: (_: unknown, p) => (p.evaluation
                  ? <span data-testid="evaluation-saved">{p.evaluation.evaluatorName}</span>
                  : <Typography.Text type="secondary">{t('cohort.evaluation.notRecorded')}</Typography.Text>),
              },
            ]}
          />
          <Typography.Text type="secondary">{cohort.occupationName}</Typography.Text>
        </Card>
      ) : null}
    </Space>
  );
}
