import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { showOnField, useGet, useReloadOn } from '../../hooks.ts';
import { useLabels } from '../../reference.tsx';
import { LoadError, ProblemAlert } from '../../components/Problem.tsx';
import type { CohortDetail, EmploymentSummary, Verdict } from '../../types-cohort.ts';

interface ProofForm {
  personId: string;
  kind: string;
  employer: string;
  employerCreditCode?: string;
  contractStart?: Dayjs;
  contractEnd?: Dayjs;
  firstPayrollMonth?: string;
  latestPayrollMonth?: string;
}
type Person = EmploymentSummary['persons'][number];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const blank = (s?: string) => (s && s.trim() ? s.trim() : null);

/** 就业情况: proofs per trainee with the pack's verdict (counts or not, and why), and the employment rate. */
export function EmploymentPanel({ cohort, editable }: { cohort: CohortDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useLabels();
  const { data, error, reload } = useGet<EmploymentSummary>(`/api/v1/cohorts/${cohort.id}/employment`);
  useReloadOn(cohort, reload);
  const [form] = Form.useForm<ProofForm>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);

  const save = async () => {
    let v: ProofForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setSaveError(null);
    try {
      const verdict = await api.post<Verdict>(`/api/v1/cohorts/${cohort.id}/employment-proofs`, {
        personId: v.personId, kind: v.kind, employer: v.employer.trim(), employerCreditCode: blank(v.employerCreditCode),
        contractStart: v.contractStart?.format('YYYY-MM-DD') ?? null, contractEnd: v.contractEnd?.format('YYYY-MM-DD') ?? null,
        firstPayrollMonth: blank(v.firstPayrollMonth), latestPayrollMonth: blank(v.latestPayrollMonth),
      });
      (verdict.counts ? message.success : message.warning)(t('cohort.employment.saved', { text: verdict.text }));
      form.resetFields();
      setOpen(false);
      reload();
    } catch (e) {
      if (!showOnField(form, e)) setSaveError(e);
    } finally {
      setBusy(false);
    }
  };

  const verdictView = (v: Verdict) => (
    <span>
      <Tag color={v.counts ? 'success' : 'warning'}>{v.counts ? t('cohort.employment.counts') : t('cohort.employment.notCounts')}</Tag>
      {v.text}
      <Typography.Text type="secondary" className="px-citation"> — {t('cohort.citation')}：{v.citation}</Typography.Text>
    </span>
  );
  const rate = data?.rate;
  return (
    <Card
      size="small"
      title={t('cohort.employment.title')}
      data-testid="employment"
      extra={editable ? <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>{t('cohort.employment.add')}</Button> : null}
    >
      {error ? <LoadError error={error} onRetry={reload} /> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {rate ? (
            <Typography.Text data-testid="employment-rate">
              {t('cohort.employment.rate')}：{rate.text ?? t('cohort.employment.rateText', { passed: rate.passed, employed: rate.employed, percent: rate.percentText ?? '—' })}
              {' '}<Tag color={(rate.reached ?? rate.reaches80) ? 'success' : 'warning'}>{(rate.reached ?? rate.reaches80) ? t('cohort.employment.reaches80') : t('cohort.employment.below80')}</Tag>
            </Typography.Text>
          ) : null}
          <Table<Person>
            rowKey="personId"
            size="small"
            pagination={false}
            loading={!data}
            dataSource={data?.persons ?? []}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('cohort.employment.person'), dataIndex: 'name', width: 100 },
              { title: t('cohort.completion.result'), dataIndex: 'passed', width: 90, render: (p: boolean) => <Tag color={p ? 'success' : 'default'}>{p ? t('cohort.completion.passed') : t('cohort.completion.failed')}</Tag> },
              { title: t('cohort.employment.title'), dataIndex: 'employed', width: 90, render: (e: boolean) => <Tag color={e ? 'green' : 'default'}>{e ? t('cohort.employment.employed') : t('cohort.employment.notEmployed')}</Tag> },
              {
                title: t('cohort.employment.proofs'), key: 'proofs',
                render: (_: unknown, p) => (p.proofs.length ? p.proofs.map((x, i) => (
                  <div key={i}>
                    <Typography.Text strong>{label('employmentProofKinds', x.kind)} · {x.employer}</Typography.Text>
                    {x.contractStart ? <Typography.Text type="secondary"> {x.contractStart}~{x.contractEnd ?? ''}</Typography.Text> : null}
                    <div>{verdictView(x.verdict)}</div>
                  </div>
                )) : t('common.none')),
              },
            ]}
          />
        </Space>
      )}
      <Modal open={open} title={t('cohort.employment.add')} onOk={save} onCancel={() => setOpen(false)} okButtonProps={{ loading: busy }} okText={t('common.save')} cancelText={t('common.cancel')} forceRender width={640}>
        {saveError ? <ProblemAlert error={saveError} onClose={() => setSaveError(null)} /> : null}
        <Form form={form} layout="vertical" initialValues={{ kind: 'contract' }}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="personId" label={t('cohort.employment.person')} rules={[{ required: true, message: t('common.required') }]}>
                <Select options={(data?.persons ?? []).map((p) => ({ value: p.personId, label: p.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t('cohort.employment.kind')} rules={[{ required: true }]}>
                <Select options={options('employmentProofKinds')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="employer" label={t('cohort.employment.employer')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="employerCreditCode" label={t('cohort.employment.employerCreditCode')}>
                <Input maxLength={18} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="contractStart" label={t('cohort.employment.contractStart')}><DatePicker style={{ width: '100%' }} /></Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="contractEnd" label={t('cohort.employment.contractEnd')}><DatePicker style={{ width: '100%' }} /></Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="firstPayrollMonth" label={t('cohort.employment.firstPayrollMonth')} rules={[{ pattern: MONTH, message: t('cohort.employment.monthFormat') }]}>
                <Input maxLength={7} placeholder="2026-04" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="latestPayrollMonth" label={t('cohort.employment.latestPayrollMonth')} rules={[{ pattern: MONTH, message: t('cohort.employment.monthFormat') }]}>
                <Input maxLength={7} placeholder="2026-09" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </Card>
  );
}
