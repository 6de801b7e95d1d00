import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useLabels } from '../../reference.tsx';
import { ReasonList, RefusalAlert } from '../../components/Reasons.tsx';
import { TechnicalSwitch } from '../../components/TechnicalDetails.tsx';
import { formatYuan } from '../../format.ts';
import { DANGER_ACTIONS, REASON_ACTIONS, type CohortDetail, type TransitionResult } from '../../types-cohort.ts';

/**
 * The actions this account may fire now (the cohort's `actions[]`), each confirmed; return, reject and
 * cancel ask for a reason. A refusal shows every reason with its citation; a success its consequences
 * (screening on submission, certificates on record_exams, the advance on approval).
 */
export function ActionBar({ cohort, onDone }: { cohort: CohortDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useLabels();
  const [form] = Form.useForm<{ reason: string }>();
  const [action, setAction] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ action: string; error: unknown } | null>(null);
  const [result, setResult] = useState<(TransitionResult & { action: string }) | null>(null);
  const names = new Map(cohort.roster.map((r) => [r.personId, r.name]));
  const actionLabel = (a: string) => t(`cohort.action.${a}`, { defaultValue: a });
  const needsReason = !!action && REASON_ACTIONS.includes(action);

  const fire = async () => {
    if (!action) return;
    let reason: string | undefined;
    if (needsReason) {
      try {
        ({ reason } = await form.validateFields());
      } catch {
        return;
      }
    }
    setBusy(true);
    setRefusal(null);
    setResult(null);
    try {
      const r = await api.post<TransitionResult>(`/api/v1/cohorts/${cohort.id}/transitions`, { action, ...(reason ? { reason: reason.trim() } : {}) });
      message.success(t('cohort.actionDone', { action: actionLabel(action), state: label('cohortStates', r.state) }));
      setResult({ ...r, action });
      form.resetFields();
      setAction(null);
      onDone();
    } catch (e) {
      setRefusal({ action, error: e });
      form.resetFields();
      setAction(null);
    } finally {
      setBusy(false);
    }
  };

  const ineligible = result?.screening?.filter((s) => !s.eligible) ?? [];
  return (
    <div data-testid="cohort-actions">
      <Space wrap>
        {cohort.actions.length ? cohort.actions.map((a) => (
          <Button
            key={a}
            type={DANGER_ACTIONS.includes(a) || REASON_ACTIONS.includes(a) ? 'default' : 'primary'}
            danger={DANGER_ACTIONS.includes(a)}
            onClick={() => setAction(a)}
            data-action={a}
          >
            {actionLabel(a)}
          </Button>
        )) : <Typography.Text type="secondary">{t('cohort.noActions')}</Typography.Text>}
      </Space>
      {refusal ? (
        <div style={{ marginTop: 12 }}>
          <RefusalAlert
            error={refusal.error}
            names={names}
            title={t('cohort.refused', { action: actionLabel(refusal.action), count: (refusal.error as { problem?: { reasons?: unknown[] } })?.problem?.reasons?.length ?? 1 })}
            onClose={() => setRefusal(null)}
          />
        </div>
      ) : null}
      {result?.certificates?.length ? (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="issued-certificates"
          title={t('cohort.issued', { count: result.certificates.length })}
          description={<Space wrap>{result.certificates.map((n) => <Typography.Text key={n} code copyable>{n}</Typography.Text>)}</Space>}
          closable={{ onClose: () => setResult(null) }}
        />
      ) : null}
      {result?.screening ? (
        <Alert
          style={{ marginTop: 12 }}
          type={ineligible.length ? 'warning' : 'success'}
          showIcon
          data-testid="screening-summary"
          title={`${t('cohort.roster.screening')}：${t('cohort.roster.eligible')} ${result.screening.length - ineligible.length}，${t('cohort.roster.ineligible')} ${ineligible.length}`}
          description={ineligible.length ? <ReasonList names={names} reasons={ineligible.flatMap((s) => s.reasons.map((r) => ({ ...r, personId: s.personId })))} /> : undefined}
          action={ineligible.length ? <TechnicalSwitch /> : undefined}
          closable={{ onClose: () => setResult(null) }}
        />
      ) : null}
      {result?.advanceDueFen ? (
        <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('cohort.advance', { amount: formatYuan(result.advanceDueFen) })} />
      ) : null}

      <Modal
        open={!!action}
        title={action ? t('cohort.actionConfirm', { action: actionLabel(action), name: cohort.name }) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: !!action && DANGER_ACTIONS.includes(action), loading: busy, ...({ 'data-testid': 'confirm-action' } as Record<string, string>) }}
        onOk={fire}
        onCancel={() => {
          form.resetFields();
          setAction(null);
        }}
        forceRender
      >
        <Form form={form} layout="vertical" style={{ display: needsReason ? undefined : 'none' }}>
          <Form.Item name="reason" label={t('cohort.reason')} rules={needsReason ? [{ required: true, whitespace: true, message: t('cohort.reasonRequired') }] : []}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('cohort.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
