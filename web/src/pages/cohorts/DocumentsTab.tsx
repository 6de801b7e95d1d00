import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useLabels } from '../../reference.tsx';
import { ProblemAlert } from '../../components/Problem.tsx';
import { formatBytes, formatTime } from '../../format.ts';
import type { CohortDetail, CohortDocument } from '../../types-cohort.ts';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';
const MAX_BYTES = 20 * 1024 * 1024;

/** 开班材料: the required kinds and which are missing, uploads per kind (sha256 recorded), the files with their hashes. */
export function DocumentsTab({ cohort, editable, onChange }: { cohort: CohortDetail; editable: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const { ref, label, options } = useLabels();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [busyKind, setBusyKind] = useState<string | null>(null);
  const [otherKind, setOtherKind] = useState('timetable');
  const required = ref?.requiredOpeningDocuments ?? [];
  const have = new Set(cohort.documents.map((d) => d.kind));
  const missing = required.filter((k) => !have.has(k));

  const upload = async (kind: string, file: File) => {
    if (file.size > MAX_BYTES) {
      message.error(t('cohort.docs.tooLarge'));
      return;
    }
    const body = new FormData();
    body.append('kind', kind); // before the file: the server reads fields in order
    body.append('file', file, file.name);
    setBusyKind(kind);
    setError(null);
    try {
      const d = await api.upload<CohortDocument>(`/api/v1/cohorts/${cohort.id}/documents`, body);
      message.success(t('cohort.docs.uploaded', { name: d.filename }));
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusyKind(null);
    }
  };
  const picker = (kind: string) => (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        void upload(kind, file);
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={busyKind === kind}>{t('cohort.docs.upload')}</Button>
    </Upload>
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
      {missing.length ? (
        <Alert type="warning" showIcon data-testid="documents-missing"
          title={`${t('cohort.docs.required')}：${t('cohort.docs.missing', { count: missing.length })}`}
          description={missing.map((k) => label('documentKinds', k)).join('、')} />
      ) : <Alert type="success" showIcon title={t('cohort.docs.complete')} data-testid="documents-complete" />}
      {editable ? <Typography.Text type="secondary">{t('cohort.docs.hint')}</Typography.Text> : null}
      <Table<string>
        rowKey={(k) => k}
        size="small"
        pagination={false}
        dataSource={required}
        onRow={(k) => ({ 'data-kind': k }) as HTMLAttributes<HTMLElement>}
        data-testid="required-documents"
        columns={[
          {
            title: t('cohort.docs.required'), key: 'kind',
            render: (_: unknown, k) => (
              <Space>
                {have.has(k) ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleFilled style={{ color: '#ff4d4f' }} />}
                {label('documentKinds', k)}
              </Space>
            ),
          },
          {
            title: t('cohort.docs.filename'), key: 'files',
            render: (_: unknown, k) => {
              const docs = cohort.documents.filter((d) => d.kind === k);
              return docs.length ? docs.map((d) => <div key={d.id}>{d.filename}</div>) : <Typography.Text type="secondary">{t('cohort.docs.notUploaded')}</Typography.Text>;
            },
          },
          ...(editable ? [{ title: t('common.actions'), key: 'upload', width: 110, render: (_: unknown, k: string) => picker(k) }] : []),
        ]}
      />
      {editable ? (
        <Space>
          <Typography.Text>{t('cohort.docs.otherKinds')}</Typography.Text>
          <Select value={otherKind} onChange={setOtherKind} style={{ width: 180 }} options={options('documentKinds').filter((o) => !required.includes(o.value))} />
          {picker(otherKind)}
        </Space>
      ) : null}
      <Typography.Title level={5} style={{ margin: 0 }}>{t('cohort.docs.all')}</Typography.Title>
      <Table<CohortDocument>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={cohort.documents}
        scroll={{ x: 'max-content' }}
        data-testid="documents"
        columns={[
          { title: t('cohort.docs.kind'), dataIndex: 'kind', width: 130, render: (k: string) => <Tag>{label('documentKinds', k)}</Tag> },
          { title: t('cohort.docs.filename'), dataIndex: 'filename', width: 200, render: (f: string, d) => <a href={`/api/v1/cohorts/${cohort.id}/documents/${d.id}`} download>{f}</a> },
          { title: t('cohort.docs.size'), dataIndex: 'size', width: 90, align: 'right', render: (n: number) => formatBytes(n) },
          { title: t('cohort.docs.sha256'), dataIndex: 'sha256', width: 300, render: (h: string) => <Typography.Text className="px-mono" copyable={{ text: h }}>{h}</Typography.Text> },
          { title: t('cohort.docs.uploadedBy'), dataIndex: 'uploadedByName', width: 160, responsive: ['lg'], render: (n: string | null) => n ?? t('common.none') },
          { title: t('cohort.docs.uploadedAt'), dataIndex: 'uploadedAt', width: 140, render: (s: string) => formatTime(s) },
        ]}
      />
    </Space>
  );
}
