import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { useGet } from '../../hooks.ts';
import { LoadError, ProblemAlert } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';

interface Inspection {
  id: string; drawId: string; cohortName: string; institutionName: string; kindLabel: string; state: string; stateLabel: string;
  inspectorNames: string[]; approvedHeadcount: number | null; seenHeadcount: number | null; teacher: string | null; findings: string | null;
  inspectedOn: string | null; objection: string | null; actions: string[]; citation: string;
}
interface Draw { id: string; seed: number; picks: unknown[]; cohortPool: { id: string; name: string; institution: string; in: boolean; why: string }[]; citation: string }

const KINDS = ['on_site', 'video_review', 'phone_callback', 'document_review'] as const;
const COLORS: Record<string, string> = { planned: 'orange', recorded: 'blue', published: 'green' };

/**
 * 双随机、一公开 for the bureau: draw (the seed and the pool with each cohort in or out are shown), the drawn
 * inspector's record (suihua 附件6: 检查时培训人数, 授课老师, 现场检查情况), publishing; an institution sees its
 * published results and files one objection (xinzhou 四(三)5).
 */
export function InspectionListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const { data, error, reload } = useGet<{ items: Inspection[] }>('/api/v1/inspections');
  const [drawing, setDrawing] = useState(false);
  const [lastDraw, setLastDraw] = useState<Draw | null>(null);
  const [recording, setRecording] = useState<Inspection | null>(null);
  const [objecting, setObjecting] = useState<Inspection | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const mayDraw = me?.role === 'city_admin' || me?.role === 'county_admin';
  const post = async (url: string, body: object, done: string) => {
    setFailure(null);
    try {
      const r = await api.post<unknown>(url, body);
      message.success(done);
      reload();
      return r;
    } catch (e) {
      setFailure(e);
      return null;
    }
  };
  if (error) return <LoadError error={error} onRetry={reload} />;
  return (
    <>
      <PageHead title={t('inspection.title')} actions={mayDraw ? <Button type="primary" onClick={() => setDrawing(true)} data-testid="inspection-draw">{t('inspection.draw')}</Button> : null} />
      {failure ? <ProblemAlert error={failure} onClose={() => setFailure(null)} /> : null}
      {lastDraw ? (
        <Typography.Paragraph data-testid="inspection-last-draw">
          {t('inspection.drawn', { seed: lastDraw.seed, n: lastDraw.picks.length, pool: lastDraw.cohortPool.filter((c) => c.in).length })}（{lastDraw.citation}）
        </Typography.Paragraph>
      ) : null}
      <Table<Inspection>
        rowKey="id" size="small" loading={!data} dataSource={data?.items} pagination={false} scroll={{ x: 900 }} data-testid="inspections"
        columns={[
          { title: t('inspection.institution'), dataIndex: 'institutionName', width: 200 },
          { title: t('inspection.cohort'), dataIndex: 'cohortName', width: 180 },
          { title: t('inspection.kind'), dataIndex: 'kindLabel', width: 90 },
          { title: t('inspection.inspectors'), dataIndex: 'inspectorNames', width: 160, render: (n: string[]) => n.join('、') || t('common.none') },
          { title: t('inspection.state'), dataIndex: 'state', width: 90, render: (s: string, r) => <Tag color={COLORS[s]}>{r.stateLabel}</Tag> },
          { title: t('inspection.headcount'), key: 'hc', width: 110, render: (_, r) => `${r.seenHeadcount ?? '—'} / ${r.approvedHeadcount ?? '—'}` },
          { title: t('inspection.findings'), dataIndex: 'findings', render: (v: string | null, r) => <>{v ?? t('common.none')}{r.objection ? <div><Typography.Text type="warning">{t('inspection.objection')}：{r.objection}</Typography.Text></div> : null}</> },
          {
            title: '', key: 'actions', width: 160, render: (_, r) => (
              <Space>
                {r.actions.includes('record') ? <Button size="small" onClick={() => setRecording(r)} data-testid="inspection-record">{t('inspection.record')}</Button> : null}
                {r.actions.includes('publish') ? <Button size="small" onClick={() => post(`/api/v1/inspections/${r.id}/publish`, {}, t('inspection.published'))} data-testid="inspection-publish">{t('inspection.publish')}</Button> : null}
                {me?.role === 'institution' && !r.objection ? <Button size="small" onClick={() => setObjecting(r)} data-testid="inspection-object">{t('inspection.object')}</Button> : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={drawing} title={t('inspection.draw')} onCancel={() => setDrawing(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" initialValues={{ kind: 'on_site', cohorts: 2, inspectorsPerCohort: 1 }} onFinish={async (v) => {
          const d = await post('/api/v1/inspections/draws', v, t('inspection.drawDone'));
          if (d) { setLastDraw(d as Draw); setDrawing(false); }
        }}>
          <Form.Item name="kind" label={t('inspection.kind')}><Select options={KINDS.map((k) => ({ value: k, label: t(`inspection.kinds.${k}`) }))} /></Form.Item>
          <Form.Item name="cohorts" label={t('inspection.cohortCount')}><InputNumber min={1} max={50} /></Form.Item>
          <Form.Item name="inspectorsPerCohort" label={t('inspection.perCohort')}><InputNumber min={1} max={5} /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="inspection-draw-submit">{t('inspection.draw')}</Button>
        </Form>
      </Modal>
      <Modal open={!!recording} title={`${t('inspection.record')} · ${recording?.cohortName ?? ''}`} onCancel={() => setRecording(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" initialValues={{ inspectedOn: dayjs() }} onFinish={async (v: { seenHeadcount: number; teacher?: string; findings: string; inspectedOn: Dayjs }) => {
          if (await post(`/api/v1/inspections/${recording!.id}/record`, { ...v, teacher: v.teacher ?? '', inspectedOn: v.inspectedOn.format('YYYY-MM-DD') }, t('inspection.recorded'))) setRecording(null);
        }}>
          <Typography.Paragraph>{t('inspection.approved', { n: recording?.approvedHeadcount ?? '—' })}</Typography.Paragraph>
          <Form.Item name="seenHeadcount" label={t('inspection.seen')} rules={[{ required: true }]}><InputNumber min={0} data-testid="inspection-seen" /></Form.Item>
          <Form.Item name="teacher" label={t('inspection.teacher')}><Input maxLength={60} /></Form.Item>
          <Form.Item name="findings" label={t('inspection.findings')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} maxLength={2000} data-testid="inspection-findings" /></Form.Item>
          <Form.Item name="inspectedOn" label={t('inspection.inspectedOn')} rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="inspection-record-submit">{t('inspection.record')}</Button>
        </Form>
      </Modal>
      <Modal open={!!objecting} title={t('inspection.object')} onCancel={() => setObjecting(null)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={async (v: { text: string }) => { if (await post(`/api/v1/inspections/${objecting!.id}/objection`, v, t('inspection.objected'))) setObjecting(null); }}>
          <Form.Item name="text" label={t('inspection.objection')} rules={[{ required: true, min: 10 }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('inspection.object')}</Button>
        </Form>
      </Modal>
    </>
  );
}
