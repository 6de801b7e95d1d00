import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../format.ts';
import { useLabels } from '../reference.tsx';
import type { Decision, Line } from '../types-cohort.ts';
import { ReasonList } from './Reasons.tsx';
import { TechnicalId, TechnicalSwitch, useTechnicalDetails } from './TechnicalDetails.tsx';

/**
 * The policy engine's decision: the explanation lines (text, amount in yuan, citation), per person, and the
 * total, under the policy's title; rule ids and the pack id come with 技术细节.
 */
export function DecisionView({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const { ref } = useLabels();
  const technical = useTechnicalDetails();
  const pack = ref?.policies.find((p) => p.id === decision.policy);
  type P = Decision['persons'][number];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="decision">
      <div className="px-decision-head">
        <span>
          <Typography.Text type="secondary">{t('cohort.subsidy.total')}：</Typography.Text>
          <span className="px-total" data-testid="decision-total">{formatYuan(decision.totalFen)}</span>
          {pack ? <Typography.Text type="secondary" data-testid="decision-policy"> （{pack.title} {pack.docNumber}）</Typography.Text> : null}
          <TechnicalId prefix=" ">{decision.policy}</TechnicalId>
        </span>
        <TechnicalSwitch />
      </div>
      {decision.assumptions?.length ? (
        <Alert type="info" showIcon title={t('cohort.subsidy.assumptions')} description={<ul className="px-reasons">{decision.assumptions.map((a) => <li key={a}>{a}</li>)}</ul>} />
      ) : null}
      <Card size="small" title={t('cohort.subsidy.lines')}>
        <Table<Line>
          rowKey={(l, i) => `${l.rule}-${i}`}
          size="small"
          pagination={false}
          dataSource={decision.lines}
          scroll={{ x: 'max-content' }}
          data-testid="decision-lines"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><Typography.Text strong>{t('cohort.subsidy.total')}</Typography.Text></Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right"><Typography.Text strong>{formatYuan(decision.totalFen, false)}</Typography.Text></Table.Summary.Cell>
              <Table.Summary.Cell index={2} colSpan={technical ? 2 : 1} />
            </Table.Summary.Row>
          )}
          columns={[
            { title: t('cohort.subsidy.text'), dataIndex: 'text', width: 360 },
            { title: `${t('cohort.subsidy.amount')}（元）`, dataIndex: 'amountFen', width: 120, align: 'right', render: (f: number) => formatYuan(f, false) },
            { title: t('cohort.citation'), dataIndex: 'citation', width: 220 },
            ...(technical ? [{ title: t('cohort.subsidy.rule'), dataIndex: 'rule', width: 220, render: (r: string) => <TechnicalId>{r}</TechnicalId> }] : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('cohort.subsidy.persons')}>
        <Table<P>
          rowKey="id"
          size="small"
          pagination={decision.persons.length > 20 ? { pageSize: 20 } : false}
          dataSource={decision.persons}
          scroll={{ x: 'max-content' }}
          data-testid="decision-persons"
          columns={[
            { title: t('cohort.subsidy.person'), key: 'who', width: 120, render: (_: unknown, p) => p.name ?? p.id },
            { title: t('cohort.subsidy.eligible'), dataIndex: 'eligible', width: 90, render: (e: boolean) => <Tag color={e ? 'success' : 'error'}>{e ? t('common.yes') : t('common.no')}</Tag> },
            { title: `${t('cohort.subsidy.amount')}（元）`, dataIndex: 'amountFen', width: 120, align: 'right', render: (f: number) => formatYuan(f, false) },
            { title: t('cohort.subsidy.reasons'), dataIndex: 'reasons', render: (r: P['reasons']) => (r.length ? <ReasonList reasons={r} /> : t('common.none')) },
          ]}
        />
      </Card>
    </Space>
  );
}
