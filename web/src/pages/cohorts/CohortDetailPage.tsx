import { Alert, Button, Card, Descriptions, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { useGet } from '../../hooks.ts';
import { useLabels } from '../../reference.tsx';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { CohortStateTag } from '../../components/Tags.tsx';
import { formatTime, formatYuan } from '../../format.ts';
import type { CohortDetail, CohortReturn } from '../../types-cohort.ts';
import { ActionBar } from './ActionBar.tsx';
import { RosterTab } from './RosterTab.tsx';
import { LessonsTab } from './LessonsTab.tsx';
import { DocumentsTab } from './DocumentsTab.tsx';
import { CompletionTab } from './CompletionTab.tsx';
import { CertificatesTab, EventsTab, SubsidyTab } from './OutcomeTabs.tsx';
import { EvaluationTab } from './EvaluationTab.tsx';

const FORMS = ['opening', 'registration', 'roster'] as const;

/** 退回 at the top: the reasons first, then who returned it (by name) and when. */
function ReturnedNotice({ returned }: { returned: CohortReturn }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="cohort-returned"
      title={t('cohort.returned.title', { action: t(`cohort.action.${returned.action}`, { defaultValue: returned.action }) })}
      description={
        <>
          <div>{t('cohort.returned.reason')}：<span style={{ whiteSpace: 'pre-line' }} data-testid="cohort-returned-reason">{returned.reason ?? t('common.none')}</span></div>
          <Typography.Text type="secondary" data-testid="cohort-returned-by">
            {t('cohort.returned.by', { name: returned.byName ?? t('common.none'), role: label('roles', returned.role), at: formatTime(returned.at) })}
          </Typography.Text>
        </>
      }
    />
  );
}
const AFTER_TRAINING = ['in_training', 'completion_submitted', 'completion_approved', 'examined', 'claimed', 'closed'];

/**
 * One cohort: the institution works on it (roster, timetable, documents, completion) and fires its
 * actions; bureaus read it with the screening explanations and approve, return or reject.
 */
export function CohortDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { ref, label, level } = useLabels();
  const [params, setParams] = useSearchParams();
  const { data: c, error, reload } = useGet<CohortDetail>(`/api/v1/cohorts/${id}`);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!c) return <Skeleton active />;
  const own = me.role === 'institution' && me.institutionId === c.institutionId;
  const draft = own && c.state === 'draft';
  const uploads = own && ['draft', 'in_training'].includes(c.state);
  const vouchers = own && !['closed', 'rejected', 'cancelled'].includes(c.state);
  const policy = ref?.policies.find((p) => p.id === c.policy);
  const lessons = c.lessons.reduce((n, l) => n + l.lessons, 0);
  const tab = params.get('tab') ?? 'basic';
  const setTab = (k: string) => {
    const next = new URLSearchParams(params);
    if (k === 'basic') next.delete('tab');
    else next.set('tab', k);
    setParams(next, { replace: true });
  };

  const items = [
    {
      key: 'basic', label: t('cohort.tabs.basic'),
      children: (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
          data-testid="cohort-basic"
          items={[
            { key: 'institution', label: t('cohort.fields.institution'), children: c.institutionName },
            { key: 'policy', label: t('cohort.fields.policy'), children: policy ? `${policy.title}（${policy.docNumber}）` : c.policy },
            { key: 'programType', label: t('cohort.fields.programType'), children: label('programTypes', c.programType) },
            { key: 'occupation', label: t('cohort.fields.occupation'), children: `${c.occupationName}（${c.occupationCode}）` },
            { key: 'level', label: t('cohort.fields.level'), children: level(c.level) },
            { key: 'dates', label: t('cohort.fields.dates'), children: `${c.startDate} ~ ${c.endDate}` },
            { key: 'venue', label: t('cohort.fields.venue'), children: c.venue || t('common.none') },
            { key: 'passMark', label: t('cohort.fields.passMark'), children: c.passMark },
            { key: 'capacityReduction', label: t('cohort.fields.capacityReduction'), children: c.capacityReduction ? t('common.yes') : t('common.no') },
            { key: 'enrolled', label: t('cohort.fields.enrolled'), children: c.enrolled },
            { key: 'approvedHeadcount', label: t('cohort.fields.approvedHeadcount'), children: c.approvedHeadcount ?? t('common.none') },
            { key: 'lessons', label: t('cohort.tabs.lessons'), children: t('cohort.lesson.total', { count: lessons, days: new Set(c.lessons.map((l) => l.date)).size }) },
            { key: 'advance', label: t('cohort.fields.advanceDue'), children: formatYuan(c.advanceDueFen) },
            { key: 'submittedAt', label: t('cohort.fields.submittedAt'), children: formatTime(c.submittedAt) },
            { key: 'updatedAt', label: t('cohort.fields.updatedAt'), children: formatTime(c.updatedAt) },
          ]}
        />
      ),
    },
    { key: 'roster', label: `${t('cohort.tabs.roster')} (${c.roster.length})`, children: <RosterTab cohort={c} editable={draft} vouchers={vouchers} onChange={reload} /> },
    { key: 'lessons', label: t('cohort.tabs.lessons'), children: <LessonsTab cohort={c} editable={draft} onChange={reload} /> },
    { key: 'documents', label: t('cohort.tabs.documents'), children: <DocumentsTab cohort={c} editable={uploads} onChange={reload} /> },
    ...(AFTER_TRAINING.includes(c.state) ? [{ key: 'completion', label: t('cohort.tabs.completion'), children: <CompletionTab cohort={c} own={own} onChange={reload} /> }] : []),
    ...(['examined', 'claimed', 'closed'].includes(c.state) ? [{ key: 'certificates', label: t('cohort.tabs.certificates'), children: <CertificatesTab cohort={c} /> }] : []),
    ...(AFTER_TRAINING.includes(c.state) ? [{ key: 'subsidy', label: t('cohort.tabs.subsidy'), children: <SubsidyTab cohort={c} /> }] : []),
    ...(can(me, 'cohort.assignEvaluator') || me.role === 'evaluator' ? [{ key: 'evaluation', label: t('cohort.tabs.evaluation'), children: <EvaluationTab cohort={c} onChange={reload} /> }] : []),
    { key: 'events', label: `${t('cohort.tabs.events')} (${c.events.length})`, children: <EventsTab cohort={c} /> },
  ];

  return (
    <>
      <PageHead
        title={c.name}
        back={can(me, 'cohort.queue') ? true : '/cohorts'}
        extra={<Space size={4}><CohortStateTag state={c.state} />{own ? null : <Tag>{t('cohort.readOnly')}</Tag>}</Space>}
        actions={
          <>
            {draft ? <Button icon={<EditOutlined />} onClick={() => navigate(`/cohorts/${c.id}/edit`)}>{t('common.edit')}</Button> : null}
            {FORMS.map((f) => (
              <Button key={f} icon={<PrinterOutlined />} href={`/api/v1/cohorts/${c.id}/forms/${f}`} target="_blank" rel="noreferrer" data-form={f}>{t(`cohort.print.${f}`)}</Button>
            ))}
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {c.returned ? <ReturnedNotice returned={c.returned} /> : null}
        <Card size="small">
          <ActionBar cohort={c} onDone={reload} />
        </Card>
        <Card size="small">
          <Tabs activeKey={items.some((i) => i.key === tab) ? tab : 'basic'} onChange={setTab} items={items} data-testid="cohort-tabs" />
        </Card>
      </Space>
    </>
  );
}
