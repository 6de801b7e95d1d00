import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Radio, Row, Space, Statistic, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import { ProblemAlert } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import type { ImportMode, ImportReport } from '../../types.ts';

type Row = ImportReport['problems'][number];

export function PersonImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [mode, setMode] = useState<ImportMode>('all');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [rejected, setRejected] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const submit = async () => {
    if (!file?.originFileObj) {
      setFileError(t('import.fileRequired'));
      return;
    }
    const body = new FormData();
    body.append('file', file.originFileObj, file.name);
    setBusy(true);
    setError(null);
    setFileError(null);
    setReport(null);
    setRejected(false);
    try {
      setReport(await api.upload<ImportReport>(`/api/v1/persons/import?mode=${mode}`, body));
    } catch (e) {
      // mode=all with bad rows: nothing imported, and the problem carries the same report.
      const r = e instanceof ApiError ? (e.problem.report as ImportReport | undefined) : undefined;
      if (r) {
        setReport(r);
        setRejected(true);
      } else if (e instanceof ApiError && e.field === 'file') {
        setFileError(e.fieldMessage);
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead title={t('import.title')} back="/persons" />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
          {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
          <Form layout="vertical" onFinish={submit} disabled={busy}>
            <Form.Item label={t('import.file')} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
              <Upload
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                maxCount={1}
                fileList={file ? [file] : []}
                beforeUpload={() => false}
                onChange={({ fileList }) => {
                  setFile(fileList.at(-1) ?? null);
                  setFileError(null);
                }}
              >
                <Button icon={<UploadOutlined />}>{t('import.choose')}</Button>
              </Upload>
            </Form.Item>
            <Form.Item label={t('import.mode')}>
              <Radio.Group
                value={mode}
                onChange={(e) => setMode(e.target.value as ImportMode)}
                options={(['all', 'good', 'check'] as const).map((m) => ({ value: m, label: t(`import.modes.${m}`) }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="import-submit">{t('import.submit')}</Button>
          </Form>
        </Card>

        {report ? (
          <Card size="small" title={t('import.report')} data-testid="import-report">
            {rejected ? <Alert type="warning" showIcon title={t('import.nothingImported')} style={{ marginBottom: 12 }} /> : null}
            {report.mode === 'check' ? <Alert type="info" showIcon title={t('import.checked')} style={{ marginBottom: 12 }} /> : null}
            <Row gutter={16}>
              <Col xs={12} sm={6}><Statistic title={t('import.total')} value={report.total} /></Col>
              <Col xs={12} sm={6}><Statistic title={t('import.valid')} value={report.valid} /></Col>
              <Col xs={12} sm={6}><Statistic title={t('import.created')} value={report.created} /></Col>
              <Col xs={12} sm={6}><Statistic title={t('import.linked')} value={report.linked} /></Col>
            </Row>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('import.problems')} ({report.problems.length})</Typography.Title>
            {report.problems.length ? (
              <Table<Row>
                rowKey="row"
                size="small"
                pagination={report.problems.length > 50 ? { pageSize: 50 } : false}
                dataSource={report.problems}
                data-testid="import-problems"
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 70 },
                  { title: t('import.name'), dataIndex: 'name', width: 110, render: (n: string) => n || t('common.none') },
                  {
                    title: t('import.reasons'), dataIndex: 'reasons',
                    render: (reasons: Row['reasons']) => (
                      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                        {reasons.map((r, i) => <li key={i}><Typography.Text strong>{r.column}</Typography.Text>：{r.message}</li>)}
                      </ul>
                    ),
                  },
                ]}
              />
            ) : (
              <Typography.Text type="success">{t('import.noProblems')}</Typography.Text>
            )}
          </Card>
        ) : null}
      </Space>
    </>
  );
}
