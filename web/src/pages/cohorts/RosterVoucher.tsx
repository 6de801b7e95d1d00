import { useState } from 'react';
import { Alert, App, Button, List, Modal, Skeleton, Space, Typography } from 'antd';
import { WalletOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, query, type Page } from '../../api.ts';
import { useGet } from '../../hooks.ts';
import { NoVoucherNote, RefusalAlert } from '../../components/Reasons.tsx';
import { VoucherStateTag } from '../../components/Tags.tsx';
import type { CohortDetail, RosterEntry, Voucher } from '../../types-cohort.ts';

/**
 * A roster row without a bound voucher: the person's vouchers and the step that leads to binding one here —
 * bind an issued voucher, wait for the county to issue an applied one, or apply (无券不补).
 */
export function RosterVoucher({ cohort, entry, onChange }: { cohort: CohortDetail; entry: RosterEntry; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const vouchers = useGet<Page<Voucher>>(open ? `/api/v1/vouchers${query({ personId: entry.personId, pageSize: 50 })}` : null);
  const items = vouchers.data?.items ?? [];
  const issued = items.find((v) => v.state === 'issued');
  const applied = items.find((v) => v.state === 'applied');

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e);
      vouchers.reload();
    } finally {
      setBusy(false);
    }
  };
  const apply = () => run(async () => {
    const v = await api.post<Voucher>('/api/v1/vouchers', { personId: entry.personId, occupationCode: cohort.occupationCode });
    message.success(t('voucher.applied', { number: v.number }));
    vouchers.reload();
  });
  const bind = (v: Voucher) => run(async () => {
    await api.post<Voucher>(`/api/v1/vouchers/${v.id}/transitions`, { action: 'bind', cohortId: cohort.id });
    message.success(t('voucher.boundHere', { number: v.number, name: entry.name }));
    setOpen(false);
    onChange();
  });
  const close = () => {
    setOpen(false);
    setError(null);
  };

  return (
    <>
      <Button size="small" type="link" icon={<WalletOutlined />} onClick={() => setOpen(true)} data-testid="roster-voucher">{t('voucher.manage')}</Button>
      <Modal open={open} title={t('voucher.rosterTitle', { name: entry.name })} onCancel={close} footer={null} destroyOnHidden>
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="roster-voucher-panel">
          {error ? <RefusalAlert error={error} onClose={() => setError(null)} /> : null}
          {vouchers.loading && !vouchers.data ? <Skeleton active paragraph={{ rows: 2 }} /> : (
            <>
              <List
                size="small"
                bordered
                locale={{ emptyText: t('voucher.none') }}
                dataSource={items}
                renderItem={(v) => (
                  <List.Item data-voucher={v.number} extra={<VoucherStateTag state={v.state} />}>
                    <Space size={8} wrap>
                      <Typography.Text code>{v.number}</Typography.Text>
                      {v.cohortName ? <Typography.Text type="secondary">{v.cohortName}</Typography.Text> : null}
                    </Space>
                  </List.Item>
                )}
              />
              {issued ? (
                <Button type="primary" onClick={() => bind(issued)} loading={busy} data-testid="roster-bind">{t('voucher.bindHere', { number: issued.number })}</Button>
              ) : applied ? (
                <Alert type="warning" showIcon data-testid="roster-wait" title={t('voucher.waitIssue', { number: applied.number })} description={<NoVoucherNote citation={cohort.noVoucherCitation} />} />
              ) : (
                <>
                  <Alert type="info" showIcon title={t('voucher.applyFirst')} description={<NoVoucherNote citation={cohort.noVoucherCitation} />} />
                  <Button type="primary" onClick={apply} loading={busy} data-testid="roster-apply">{t('voucher.apply')}</Button>
                </>
              )}
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
