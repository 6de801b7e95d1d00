import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ProblemAlert } from '../../components/Problem.tsx';
import { RefusalAlert } from '../../components/Reasons.tsx';
import type { CohortDetail, RosterEntry } from '../../types-cohort.ts';
import { EmploymentPanel } from './EmploymentPanel.tsx';

type Scores = Record<string, { theoryScore: number | null; practicalScore: number | null }>;

/** 结业: the completion roster (while training), exam scores (after completion approval), employment. */
export function CompletionTab({ cohort, own, onChange }: { cohort: CohortDetail; own: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rosterEditable = own && cohort.state === 'in_training';
  const examsEditable = own && cohort.state === 'completion_approved';
  const [selected, setSelected] = useState<string[]>(() => cohort.roster.filter((r) => r.inCompletionRoster).map((r) => r.personId));
  const [scores, setScores] = useState<Scores>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const completing = useMemo(() => cohort.roster.filter((r) => r.inCompletionRoster), [cohort.roster]);

  useEffect(() => {
    setSelected(cohort.roster.filter((r) => r.inCompletionRoster).map((r) => r.personId));
    setScores(Object.fromEntries(cohort.roster.map((r) => [r.personId, { theoryScore: r.exam?.theoryScore ?? null, practicalScore: r.exam?.practicalScore ?? null }])));
  }, [cohort.roster]);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const saveRoster = () => run(async () => {
    await api.put(`/api/v1/cohorts/${cohort.id}/completion-roster`, { personIds: selected });
    message.success(t('cohort.completion.rosterSaved', { count: selected.length }));
  });
  const saveExams = () => run(async () => {
    const results = completing.map((r) => ({ personId: r.personId, ...scores[r.personId] }));
    const res = await api.put<{ recorded: number; passed: number }>(`/api/v1/cohorts/${cohort.id}/exams`, { results });
    message.success(t('cohort.completion.examsSaved', res));
  });
  const setScore = (personId: string, key: 'theoryScore' | 'practicalScore', v: number | null) =>
    setScores((s) => ({ ...s, [personId]: { ...s[personId], [key]: v } }));

  const result = (r: RosterEntry) => (r.exam
    ? <Tag color={r.exam.passed ? 'success' : 'error'} data-passed={String(r.exam.passed)}>{r.exam.passed ? t('cohort.completion.passed') : t('cohort.completion.failed')}</Tag>
    : <Typography.Text type="secondary">{t('cohort.completion.notRecorded')}</Typography.Text>);
  const score = (r: RosterEntry, key: 'theoryScore' | 'practicalScore') => (examsEditable ? (
    <InputNumber min={0} max={100} precision={0} value={scores[r.personId]?.[key] ?? null} onChange={(v) => setScore(r.personId, key, v)}
      data-testid={`${key}-${r.personId}`} aria-label={`${r.name} ${key}`} />
  ) : (r.exam?.[key] ?? t('common.none')));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {error ? (error && (error as { problem?: { reasons?: unknown } }).problem?.reasons ? <RefusalAlert error={error} onClose={() => setError(null)} /> : <ProblemAlert error={error} onClose={() => setError(null)} />) : null}
      <Card size="small" title={`${t('cohort.completion.roster')}（${completing.length}/${cohort.roster.length}）`}
        extra={rosterEditable ? <Button type="primary" onClick={saveRoster} loading={busy} data-testid="save-completion-roster">{t('cohort.completion.saveRoster')}</Button> : null}>
        {rosterEditable ? <Typography.Paragraph type="secondary">{t('cohort.completion.rosterHint')}</Typography.Paragraph> : null}
        <Table<RosterEntry>
          rowKey="personId"
          size="small"
          pagination={false}
          dataSource={cohort.roster}
          data-testid="completion-roster"
          rowSelection={rosterEditable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
          columns={[
            { title: t('person.fields.name'), dataIndex: 'name', width: 120 },
            { title: t('person.fields.idNumber'), dataIndex: 'idNumber', width: 190, render: (v: string) => <span className="px-mono">{v}</span> },
            ...(rosterEditable ? [] : [{
              title: t('cohort.completion.roster'), dataIndex: 'inCompletionRoster', width: 100,
              render: (b: boolean) => (b ? <Tag color="blue">{t('cohort.completion.inRoster')}</Tag> : <Tag>{t('cohort.completion.notInRoster')}</Tag>),
            }]),
          ]}
        />
      </Card>

      {completing.length && !['draft', 'opening_submitted', 'opening_county_approved', 'opening_approved', 'in_training'].includes(cohort.state) ? (
        <Card size="small" title={t('cohort.completion.exams')}
          extra={examsEditable ? <Button type="primary" onClick={saveExams} loading={busy} data-testid="save-exams">{t('cohort.completion.saveExams')}</Button> : null}>
          <Alert type="info" showIcon title={t('cohort.completion.passMark', { mark: cohort.passMark })} style={{ marginBottom: 12 }} />
          <Table<RosterEntry>
            rowKey="personId"
            size="small"
            pagination={false}
            dataSource={completing}
            data-testid="exams"
            columns={[
              { title: t('person.fields.name'), dataIndex: 'name', width: 120 },
              { title: t('cohort.completion.theory'), key: 'theory', width: 130, render: (_: unknown, r) => score(r, 'theoryScore') },
              { title: t('cohort.completion.practical'), key: 'practical', width: 130, render: (_: unknown, r) => score(r, 'practicalScore') },
              { title: t('cohort.completion.result'), key: 'result', width: 110, render: (_: unknown, r) => result(r) },
              { title: t('cohort.certificates.number'), dataIndex: 'certificateNumber', render: (n: string | null) => (n ? <Typography.Text code>{n}</Typography.Text> : t('common.none')) },
            ]}
          />
        </Card>
      ) : null}

      {['completion_approved', 'examined', 'claimed', 'closed'].includes(cohort.state) ? (
        <EmploymentPanel cohort={cohort} editable={own && ['completion_approved', 'examined', 'claimed'].includes(cohort.state)} />
      ) : null}
    </Space>
  );
}
