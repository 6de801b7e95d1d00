import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { usePagedList } from '../../pagedList.ts';
import { useLabels } from '../../reference.tsx';
import { LoadError, useProblemText } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { PersonSelect } from '../../components/PersonSelect.tsx';
import { NoVoucherNote, RefusalAlert } from '../../components/Reasons.tsx';
import { VoucherStateTag } from '../../components/Tags.tsx';
import { formatTime } from '../../format.ts';
import type { Voucher } from '../../types-cohort.ts';
import { DANGER_VOUCHER_ACTIONS, VoucherActionModal, type VoucherTarget } from './VoucherActionModal.tsx';

/** Where a voucher stands now: the time of its latest step. */
export const stateTime = (v: Voucher) =>
  ({ applied: v.appliedAt, issued: v.issuedAt, bound: v.boundAt, redeemed: v.redeemedAt, written_off: v.writtenOffAt, cancelled: v.cancelledAt })[v.state] ?? v.appliedAt;

/**
 * 电子券: the vouchers in the account's scope through their closed loop (申请—发券—绑定培训—兑现—核销, 无券不补).
 * Each row offers the steps this account may take now (`actions[]`); institutions and bureaus apply for a person.
 */
export function VoucherListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const { options, label } = useLabels();
  const list = usePagedList<Voucher>('/api/v1/vouchers', ['state', 'personId']);
  const { data, error, reload, update } = list;
  const personId = list.filters.personId;
  const [target, setTarget] = useState<VoucherTarget | null>(null);
  const [refusal, setRefusal] = useState<{ action: string; number: string; error: unknown } | null>(null);
  const [applying, setApplying] = useState(false);
  const actionLabel = (a: string) => t(`voucher.action.${a}`, { defaultValue: a });
  const problemText = useProblemText();

  const done = (v: Voucher, action: string) => {
    setRefusal(null);
    message.success(t('voucher.done', { action: actionLabel(action), number: v.number, state: label('voucherStates', v.state) }));
    reload();
  };

  return (
    <>
      <PageHead
        title={t('voucher.title')}
        actions={can(me, 'voucher.apply') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="voucher-apply">{t('voucher.apply')}</Button>
        ) : null}
      />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('voucher.loop')} description={<NoVoucherNote citation={(data as { noVoucherCitation?: string | null } | undefined)?.noVoucherCitation} />} />
      <div className="px-filters">
        <Select
          allowClear
          placeholder={t('voucher.state')}
          {...list.filter('state')}
          options={options('voucherStates')}
          popupMatchSelectWidth={false}
          data-testid="filter-voucher-state"
        />
        {can(me, 'person.list') ? (
          <PersonSelect
            allowClear
            {...list.filter('personId')}
            label={data?.items.find((v) => v.personId === personId)?.personName}
            placeholder={t('voucher.filterPerson')}
            testId="filter-voucher-person"
          />
        ) : null}
      </div>
      {refusal ? (
        <RefusalAlert
          error={refusal.error}
          title={t('voucher.refused', { action: actionLabel(refusal.action), number: refusal.number, problem: problemText(refusal.error).title })}
          onClose={() => setRefusal(null)}
        />
      ) : null}
      {error ? <LoadError error={error} onRetry={reload} /> : (
        <Table<Voucher>
          {...list.table}
          size="small"
          locale={{ emptyText: t('voucher.empty') }}
          data-testid="vouchers"
          columns={[
            { title: t('voucher.number'), dataIndex: 'number', width: 170, render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
            // a link only to what this account can open (a county sees vouchers bound to its cohorts, whoever's county the person is in)
            { title: t('voucher.person'), dataIndex: 'personName', width: 100, render: (n: string, v) => (v.personVisible ? <Link to={`/persons/${v.personId}`}>{n}</Link> : n) },
            { title: t('voucher.state'), dataIndex: 'state', width: 100, render: (_: unknown, v) => <VoucherStateTag state={v.state} /> },
            {
              title: t('voucher.cohort'), dataIndex: 'cohortName', width: 240,
              render: (n: string | null, v) => (!v.cohortId ? t('common.none') : v.cohortVisible ? <Link to={`/cohorts/${v.cohortId}`}>{n ?? v.cohortId}</Link> : n ?? t('common.none')),
            },
            { title: t('voucher.appliedAt'), dataIndex: 'appliedAt', width: 140, responsive: ['md'], render: formatTime },
            {
              title: t('voucher.stateAt'), key: 'stateAt', width: 200, responsive: ['md'],
              render: (_: unknown, v) => (
                <>
                  {formatTime(stateTime(v))}
                  {v.cancelReason ? <Typography.Text type="secondary" style={{ display: 'block' }}>{t('voucher.reason')}：{v.cancelReason}</Typography.Text> : null}
                </>
              ),
            },
            {
              title: t('common.actions'), key: 'actions', width: 180, fixed: 'right' as const,
              render: (_: unknown, v) => (v.actions.length ? (
                <Space size={4} wrap data-voucher={v.number}>
                  {v.actions.map((a) => (
                    <Button key={a} size="small" type={DANGER_VOUCHER_ACTIONS.includes(a) ? 'default' : 'primary'} danger={DANGER_VOUCHER_ACTIONS.includes(a)} onClick={() => setTarget({ voucher: v, action: a })} data-action={a}>
                      {actionLabel(a)}
                    </Button>
                  ))}
                </Space>
              ) : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>),
            },
          ]}
        />
      )}
      <VoucherActionModal
        target={target}
        onClose={() => setTarget(null)}
        onDone={done}
        onRefused={(action, v, e) => {
          setRefusal({ action, number: v.number, error: e });
          reload();
        }}
      />
      <ApplyModal
        open={applying}
        onClose={() => setApplying(false)}
        onApplied={(v) => {
          setApplying(false);
          message.success(t('voucher.applied', { number: v.number }));
          update({ personId: v.personId, state: undefined, page: 1 });
          reload();
        }}
      />
    </>
  );
}

/** 申请电子券 for a person in the account's scope (POST /api/v1/vouchers). */
function ApplyModal({ open, onClose, onApplied }: { open: boolean; onClose: () => void; onApplied: (v: Voucher) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ personId: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };
  const apply = async () => {
    let personId: string;
    try {
      ({ personId } = await form.validateFields());
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const v = await api.post<Voucher>('/api/v1/vouchers', { personId });
      form.resetFields();
      onApplied(v);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('voucher.applyTitle')}
      okText={t('voucher.apply')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...({ 'data-testid': 'voucher-apply-confirm' } as Record<string, string>) }}
      onOk={apply}
      onCancel={close}
      forceRender
    >
      {error ? <RefusalAlert error={error} onClose={() => setError(null)} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="personId" label={t('voucher.person')} extra={t('voucher.applyHint')} rules={[{ required: true, message: t('voucher.personRequired') }]}>
          <PersonSelect placeholder={t('voucher.pickPerson')} testId="apply-person" width="100%" onError={setError} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
