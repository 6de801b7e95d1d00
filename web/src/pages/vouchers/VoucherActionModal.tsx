import { useRef, useState } from 'react';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api.ts';
import { useGet } from '../../hooks.ts';
import type { Cohort, Voucher } from '../../types-cohort.ts';

/** Cohorts a voucher can no longer be bound to. */
const FINAL = ['closed', 'rejected', 'cancelled'];
export const DANGER_VOUCHER_ACTIONS: readonly string[] = ['cancel'];

export type VoucherTarget = { voucher: Voucher; action: string };

/**
 * Confirms one step of a voucher's loop: `bind` asks which of the institution's cohorts (the person must be
 * on its roster), `cancel` asks why. The answer (the voucher, or the refusal) goes to the caller.
 */
export function VoucherActionModal({ target, onClose, onDone, onRefused }: {
  target: VoucherTarget | null;
  onClose: () => void;
  onDone: (v: Voucher, action: string) => void;
  onRefused: (action: string, voucher: Voucher, error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ cohortId?: string; reason?: string }>();
  const [busy, setBusy] = useState(false);
  // What the modal shows while it fades out after `target` went back to null.
  const last = useRef<VoucherTarget | null>(null);
  if (target) last.current = target;
  const shown = target ?? last.current;
  const action = shown?.action;
  const cohorts = useGet<Page<Cohort>>(action === 'bind' ? '/api/v1/cohorts?pageSize=100' : null);
  const actionLabel = (a: string) => t(`voucher.action.${a}`, { defaultValue: a });

  const close = () => {
    form.resetFields();
    onClose();
  };
  const fire = async () => {
    if (!target) return;
    let values: { cohortId?: string; reason?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const { voucher, action: a } = target;
    setBusy(true);
    try {
      const body = { action: a, ...(a === 'bind' ? { cohortId: values.cohortId } : {}), ...(a === 'cancel' && values.reason ? { reason: values.reason.trim() } : {}) };
      const v = await api.post<Voucher>(`/api/v1/vouchers/${voucher.id}/transitions`, body);
      close();
      onDone(v, a);
    } catch (e) {
      close();
      onRefused(a, voucher, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!target}
      title={shown ? t('voucher.confirm', { action: actionLabel(shown.action), number: shown.voucher.number, name: shown.voucher.personName }) : ''}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: !!action && DANGER_VOUCHER_ACTIONS.includes(action), loading: busy, ...({ 'data-testid': 'voucher-confirm' } as Record<string, string>) }}
      onOk={fire}
      onCancel={close}
      forceRender
    >
      <Form form={form} layout="vertical">
        {action === 'bind' ? (
          <Form.Item name="cohortId" label={t('voucher.chooseCohort')} extra={t('voucher.cohortHint')} rules={[{ required: true, message: t('voucher.cohortRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={cohorts.loading}
              placeholder={t('voucher.chooseCohort')}
              options={(cohorts.data?.items ?? []).filter((c) => !FINAL.includes(c.state)).map((c) => ({ value: c.id, label: `${c.name}（${c.startDate} ~ ${c.endDate}）` }))}
              data-testid="bind-cohort"
            />
          </Form.Item>
        ) : null}
        {action === 'cancel' ? (
          <Form.Item name="reason" label={t('voucher.reason')} rules={[{ required: true, whitespace: true, message: t('voucher.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        ) : null}
        {action && action !== 'bind' && action !== 'cancel' ? <Typography.Text type="secondary">{t(`voucher.explain.${action}`, { defaultValue: '' })}</Typography.Text> : null}
      </Form>
    </Modal>
  );
}
