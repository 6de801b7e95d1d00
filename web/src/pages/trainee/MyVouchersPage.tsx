import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Skeleton, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { useGet } from '../../hooks.ts';
import { LoadError, ProblemAlert } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { VoucherStateTag } from '../../components/Tags.tsx';
import { formatTime } from '../../format.ts';
import type { Voucher } from '../../types-cohort.ts';

/** 我的电子券 (phone): the trainee's own vouchers, and applying for one. */
export function MyVouchersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useGet<Page<Voucher>>('/api/v1/vouchers?pageSize=50');
  const [busy, setBusy] = useState(false);
  const [applyError, setApplyError] = useState<unknown>(null);

  const apply = async () => {
    setBusy(true);
    setApplyError(null);
    try {
      await api.post('/api/v1/vouchers', { personId: me.personId });
      message.success(t('trainee.applied'));
      reload();
    } catch (e) {
      setApplyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="px-phone">
      <PageHead title={t('trainee.vouchers')} actions={me.personId ? <Button type="primary" icon={<PlusOutlined />} onClick={apply} loading={busy}>{t('trainee.apply')}</Button> : null} />
      <Typography.Paragraph type="secondary">{t('trainee.loop')}</Typography.Paragraph>
      {applyError ? <ProblemAlert error={applyError} onClose={() => setApplyError(null)} /> : null}
      {error ? <LoadError error={error} onRetry={reload} /> : loading && !data ? <Skeleton active /> : !data?.items.length ? <Empty description={t('trainee.empty')} /> : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="vouchers">
          {data.items.map((v) => (
            <Card key={v.id} size="small" title={<Typography.Text code>{v.number}</Typography.Text>} extra={<VoucherStateTag state={v.state} />}>
              <Descriptions size="small" column={1} items={[
                { key: 'applied', label: t('trainee.appliedAt'), children: formatTime(v.appliedAt) },
                ...(v.cohortId ? [
                  { key: 'cohort', label: t('trainee.cohort'), children: v.cohortName ?? t('common.none') },
                  { key: 'boundAt', label: t('trainee.boundCohort'), children: formatTime(v.boundAt) },
                ] : []),
                ...(v.cancelReason ? [{ key: 'reason', label: t('cohort.reason'), children: v.cancelReason }] : []),
              ]} />
            </Card>
          ))}
        </Space>
      )}
    </div>
  );
}
