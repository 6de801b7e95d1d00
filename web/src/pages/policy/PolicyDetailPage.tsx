import { Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useGet } from '../../hooks.ts';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { TechnicalId, TechnicalSwitch, useTechnicalDetails } from '../../components/TechnicalDetails.tsx';
import type { PolicyDetail } from '../../types-cohort.ts';
import { ParameterTable } from './ParameterTable.tsx';

type Rule = PolicyDetail['rules'][number];
type Deadline = PolicyDetail['deadlines'][number];
const UNIT: Record<string, string> = { working_day: '个工作日', calendar_day: '天', year: '年' };
const UNIT_EN: Record<string, string> = { working_day: 'working days', calendar_day: 'days', year: 'years' };

/** One pack: its rules with articles, deadlines, and parameters (stated, unset, set by the bureau); ids and keys with 技术细节. */
export function PolicyDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { data: p, error, reload } = useGet<PolicyDetail>(`/api/v1/policies/${id}`);
  const technical = useTechnicalDetails();
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!p) return <Skeleton active />;
  const unit = (u: string) => (i18n.language === 'en' ? UNIT_EN[u] : UNIT[u]) ?? u;
  const span = (d: Deadline) => `${d.min === d.max ? Math.abs(d.min) : `${Math.abs(d.min)}–${Math.abs(d.max)}`} ${unit(d.unit)}`;
  const unset = p.parameters.filter((x) => !x.values.length && !x.stored.length).length;

  return (
    <>
      <PageHead title={p.title} back="/policies" extra={<><Tag color="blue">{p.docNumber}</Tag><TechnicalId>{p.id}</TechnicalId></>} actions={<TechnicalSwitch />} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, lg: 3 }}
            items={[
              { key: 'doc', label: t('policy.docNumber'), children: p.docNumber },
              { key: 'issuer', label: t('policy.issuer'), children: p.issuer },
              { key: 'validity', label: t('policy.validity'), children: `${p.validFrom} ~ ${p.validTo ?? t('policy.openEnded')}` },
              { key: 'note', label: '', span: 'filled', children: <Typography.Text type="secondary">{p.validityNote}</Typography.Text> },
            ]}
          />
        </Card>

        <Card size="small" title={<span>{t('policy.parameters')} {unset ? <Tag color="orange">{t('policy.unset')} {unset}</Tag> : null}</span>}>
          <ParameterTable policy={p} onChange={reload} />
        </Card>

        <Card size="small" title={`${t('policy.rules')} (${p.rules.length})`}>
          <Table<Rule>
            rowKey={(r, i) => `${r.id}-${i}`}
            size="small"
            pagination={false}
            dataSource={p.rules}
            scroll={{ x: 'max-content' }}
            data-testid="rules"
            columns={[
              { title: t('policy.article'), dataIndex: 'article', width: 130 },
              { title: t('policy.text'), dataIndex: 'text' },
              { title: '', dataIndex: 'stage', width: 80, render: (s?: string) => <Tag>{t(`policy.stage.${s ?? 'calculation'}`)}</Tag> },
              ...(technical ? [{ title: t('policy.ruleId'), dataIndex: 'id', width: 260, render: (r: string) => <TechnicalId>{r}</TechnicalId> }] : []),
            ]}
          />
        </Card>

        <Card size="small" title={`${t('policy.deadlines')} (${p.deadlines.length})`}>
          <Table<Deadline>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.deadlines}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('policy.event'), dataIndex: 'event', width: 160 },
              { title: t('policy.span'), key: 'span', width: 140, render: (_: unknown, d) => span(d) },
              { title: t('policy.article'), dataIndex: 'article', width: 130 },
              { title: t('policy.text'), dataIndex: 'text' },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
