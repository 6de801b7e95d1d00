import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, query } from '../../api.ts';
import { useGet } from '../../hooks.ts';
import { useLabels } from '../../reference.tsx';
import { LoadError, ProblemAlert } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { formatTime } from '../../format.ts';

interface Complaint {
  id: string; trackingCode: string; regionCode: string; institutionName: string | null; category: string; categoryLabel: string;
  content: string; state: string; stateLabel: string; assigneeId: string | null; assigneeName: string | null; dueOn: string | null;
  outcome: string | null; receivedAt: string; citation: string; actions: string[];
  complainant: { anonymous: true } | { anonymous: false; hidden: true } | { anonymous: false; name: string | null; phone: string | null };
}
interface ComplaintPage { items: Complaint[]; total: number; totalCapped: boolean; next: string | null }

const STATE_COLORS: Record<string, string> = { received: 'orange', assigned: 'blue', answered: 'green' };

/**
 * 投诉举报 for the bureau: newest first, a keyset page at a time; 分派 to an officer with a due date, 办结 by that
 * officer. The complainant's name and phone appear only to the assignee (the server decides and audits the view).
 */
export function ComplaintListPage() {
  const { t } = useTranslation();
  const { options } = useLabels();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors[cursors.length - 1];
  const { data, error, reload } = useGet<ComplaintPage>(`/api/v1/complaints${query({ state: state || undefined, after })}`);
  const [open, setOpen] = useState<string | null>(null);
  if (error) return <LoadError error={error} onRetry={reload} />;
  return (
    <>
      <PageHead title={t('complaint.bureauTitle')} />
      <div className="px-filters">
        <Select allowClear placeholder={t('complaint.state')} value={state || undefined} options={options('complaintStates')} popupMatchSelectWidth={false}
          onChange={(v) => { setCursors([]); setParams(v ? { state: v } : {}); }} data-testid="filter-complaint-state" />
      </div>
      <Table<Complaint>
        rowKey="id" size="small" loading={!data} dataSource={data?.items} pagination={false} scroll={{ x: 800 }} data-testid="complaints"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('complaint.receivedOn'), dataIndex: 'receivedAt', width: 150, render: formatTime },
          { title: t('complaint.category'), dataIndex: 'categoryLabel', width: 170 },
          { title: t('complaint.institutionConcerned'), dataIndex: 'institutionName', render: (v: string | null) => v ?? t('common.none') },
          { title: t('complaint.content'), dataIndex: 'content', ellipsis: true },
          { title: t('complaint.state'), dataIndex: 'state', width: 90, render: (s: string, r) => <Tag color={STATE_COLORS[s]}>{r.stateLabel}</Tag> },
          { title: t('complaint.assignee'), dataIndex: 'assigneeName', width: 140, render: (v: string | null) => v ?? t('common.none') },
          { title: t('complaint.dueOn'), dataIndex: 'dueOn', width: 110, render: (v: string | null) => v ?? t('common.none') },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('complaint.total', { total: data ? `${data.total}${data.totalCapped ? '+' : ''}` : '…' })}</Typography.Text>
        <Button disabled={!cursors.length} onClick={() => setCursors(cursors.slice(0, -1))}>{t('complaint.newer')}</Button>
        <Button disabled={!data?.next} onClick={() => data?.next && setCursors([...cursors, data.next])} data-testid="complaints-older">{t('complaint.older')}</Button>
      </Space>
      {open ? <ComplaintDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} /> : null}
    </>
  );
}

function ComplaintDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, reload } = useGet<Complaint>(`/api/v1/complaints/${id}`);
  const handlers = useGet<{ items: { id: string; name: string; role: string }[] }>('/api/v1/complaints/handlers').data?.items ?? [];
  const { label } = useLabels();
  const [failure, setFailure] = useState<unknown>(null);
  const fire = async (body: object) => {
    setFailure(null);
    try {
      await api.post(`/api/v1/complaints/${id}/transitions`, body);
      message.success(t('complaint.saved'));
      reload();
      onChanged();
    } catch (e) {
      setFailure(e);
    }
  };
  const who = data?.complainant;
  return (
    <Drawer open width={560} onClose={onClose} title={data ? `${data.categoryLabel} · ${data.stateLabel}` : t('complaint.bureauTitle')} data-testid="complaint-drawer">
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1} items={[
            { key: 'code', label: t('complaint.code'), children: <span className="px-mono">{data.trackingCode}</span> },
            { key: 'received', label: t('complaint.receivedOn'), children: formatTime(data.receivedAt) },
            { key: 'institution', label: t('complaint.institutionConcerned'), children: data.institutionName ?? t('common.none') },
            { key: 'content', label: t('complaint.content'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.content}</Typography.Paragraph> },
            {
              key: 'who', label: t('complaint.complainant'),
              children: !who || who.anonymous ? t('complaint.anonymous') : 'hidden' in who ? t('complaint.identityHidden') : <span data-testid="complainant">{who.name} {who.phone ?? ''}</span>,
            },
            { key: 'assignee', label: t('complaint.assignee'), children: data.assigneeName ?? t('common.none') },
            { key: 'due', label: t('complaint.dueOn'), children: data.dueOn ?? t('common.none') },
            { key: 'outcome', label: t('complaint.outcome'), children: data.outcome ?? t('complaint.pending') },
            { key: 'basis', label: t('complaint.basis'), children: data.citation },
          ]} />
          {failure ? <ProblemAlert error={failure} onClose={() => setFailure(null)} /> : null}
          {data.actions.includes('assign') ? (
            <Form layout="vertical" onFinish={(v: { assigneeId: string; dueOn: Dayjs }) => fire({ action: 'assign', assigneeId: v.assigneeId, dueOn: v.dueOn.format('YYYY-MM-DD') })} data-testid="complaint-assign">
              <Typography.Text strong>{t('complaint.assign')}</Typography.Text>
              <Form.Item name="assigneeId" label={t('complaint.assignee')} rules={[{ required: true, message: t('complaint.needAssignee') }]}>
                <Select showSearch optionFilterProp="label" options={handlers.map((h) => ({ value: h.id, label: h.name.includes(label('roles', h.role)) ? h.name : `${h.name}（${label('roles', h.role)}）` }))} data-testid="complaint-assignee" />
              </Form.Item>
              <Form.Item name="dueOn" label={t('complaint.dueOn')} initialValue={dayjs().add(15, 'day')} rules={[{ required: true, message: t('complaint.needDue') }]}>
                <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
              </Form.Item>
              <Button htmlType="submit" data-testid="complaint-assign-submit">{t('complaint.assign')}</Button>
            </Form>
          ) : null}
          {data.actions.includes('answer') ? (
            <Form layout="vertical" onFinish={(v: { outcome: string }) => fire({ action: 'answer', outcome: v.outcome })} data-testid="complaint-answer">
              <Form.Item name="outcome" label={t('complaint.outcome')} rules={[{ required: true, min: 5, message: t('complaint.needOutcome') }]}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="complaint-outcome" />
              </Form.Item>
              <Button type="primary" htmlType="submit" data-testid="complaint-answer-submit">{t('complaint.answer')}</Button>
            </Form>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
