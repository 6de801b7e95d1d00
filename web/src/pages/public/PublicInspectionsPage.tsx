import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { query } from '../../api.ts';
import { useGet } from '../../hooks.ts';
import { LoadError } from '../../components/Problem.tsx';

interface PublicInspection {
  id: string; institution: string; cohort: string; kind: string; inspectedOn: string | null; approvedHeadcount: number | null;
  seenHeadcount: number | null; findings: string | null; publishedOn: string | null; objection: string | null;
}

/** 检查结果公开 (xinzhou 四(三)4): published inspection results with the institution's objection, if any. */
export function PublicInspectionsPage() {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const { data, error, reload } = useGet<{ items: PublicInspection[]; next: string | null }>(`/api/v1/public/inspections${query({ after: cursors[cursors.length - 1] })}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  return (
    <Card title={t('inspection.publicTitle')} style={{ margin: '24px auto', maxWidth: 1100 }}>
      <Typography.Paragraph type="secondary">{t('inspection.publicIntro')}</Typography.Paragraph>
      <Table<PublicInspection>
        rowKey="id" size="small" loading={!data} dataSource={data?.items} pagination={false} scroll={{ x: 900 }} data-testid="public-inspections"
        columns={[
          { title: t('inspection.publishedOn'), dataIndex: 'publishedOn', width: 110 },
          { title: t('inspection.institution'), dataIndex: 'institution', width: 200 },
          { title: t('inspection.cohort'), dataIndex: 'cohort', width: 180 },
          { title: t('inspection.kind'), dataIndex: 'kind', width: 90 },
          { title: t('inspection.headcount'), key: 'hc', width: 120, render: (_, r) => `${r.seenHeadcount ?? '—'} / ${r.approvedHeadcount ?? '—'}` },
          { title: t('inspection.findings'), dataIndex: 'findings' },
          { title: t('inspection.objection'), dataIndex: 'objection', render: (v: string | null) => v ?? t('common.none') },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Button disabled={!cursors.length} onClick={() => setCursors(cursors.slice(0, -1))}>{t('complaint.newer')}</Button>{' '}
        <Button disabled={!data?.next} onClick={() => data?.next && setCursors([...cursors, data.next])}>{t('complaint.older')}</Button>
      </div>
    </Card>
  );
}
