import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, InputNumber, Row, Select, Space, Switch, Table, Typography, type FormListFieldData } from 'antd';
import { CalculatorOutlined, DeleteOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useGet, useOccupations } from '../../hooks.ts';
import { useLabels } from '../../reference.tsx';
import { ProblemAlert } from '../../components/Problem.tsx';
import { TechnicalId } from '../../components/TechnicalDetails.tsx';
import type { CohortDetail, EmploymentSummary, PolicyDetail } from '../../types-cohort.ts';
import { buildCase, fromCohort, newTrainee, traineeId, unsetParameters, type CaseFormValues } from './caseBuilder.ts';
import { CohortRosterPicker } from './CohortRosterPicker.tsx';

export type BuiltCase = ReturnType<typeof buildCase>;

const INITIAL: Partial<CaseFormValues> = {
  programType: 'employment_skills', days: 10, lessons: 80, approvedHeadcount: 1, verifiedHeadcount: 1, missingRecordingHalfDays: 0, years: 1,
  capacityReduction: false, trainees: [newTrainee()],
};

/**
 * The calculator as a form: the training (programme, dates, headcounts), values the document leaves unset,
 * and the trainees — from a cohort's roster or typed in rows. It hands the built §5.2 case to `onRun`.
 */
export function CalculatorForm({ policy, onPolicy, busy, onRun }: { policy: string; onPolicy: (p: string) => void; busy: boolean; onRun: (built: BuiltCase) => void }) {
  const { t } = useTranslation();
  const { options, level } = useLabels();
  const occupations = useOccupations();
  const [form] = Form.useForm<CaseFormValues>();
  const [loaded, setLoaded] = useState<{ name: string; count: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** rows whose earlier records are open for editing */
  const [open, setOpen] = useState<number[]>([]);
  const pack = useGet<PolicyDetail>(`/api/v1/policies/${policy}`);
  const unset = useMemo(() => unsetParameters(pack.data?.parameters ?? []), [pack.data]);
  const units = useMemo(() => Object.fromEntries((pack.data?.parameters ?? []).map((p) => [p.key, p.unit])), [pack.data]);
  const programType = Form.useWatch('programType', form);
  const occupation = Form.useWatch('occupation', form);
  // preserve: the rows' names and their folded-away history are in the store without a field of their own
  const rows: CaseFormValues['trainees'] = Form.useWatch('trainees', { form, preserve: true }) ?? [];

  const occupationOptions = useMemo(() => (occupations ?? []).map((o) => ({ value: o.code, label: `${o.name}（${o.code}）` })), [occupations]);
  const levelsOf = (code: string | undefined) => {
    const o = occupations?.find((x) => x.code === code);
    return (o?.levels.length ? [...o.levels].sort((a, b) => b - a) : [5, 4, 3, 2, 1]).map((l) => ({ value: l, label: level(l) }));
  };

  const takeCohort = (c: CohortDetail, e: EmploymentSummary | null) => {
    setError(null);
    const values = fromCohort(c, e);
    if (!values.trainees?.length) {
      setLoaded(null);
      setError(new Error(t('calc.emptyRoster')));
      return;
    }
    onPolicy(values.policy);
    form.setFieldsValue({ ...values, asOf: undefined });
    setLoaded({ name: c.name, count: values.trainees.length });
  };
  // validated fields, but built from the whole store: onFinish's values leave out what has no field on screen
  const finish = () => onRun(buildCase(policy, form.getFieldsValue(true) as CaseFormValues, units));

  const col = { xs: 24, sm: 12, lg: 8, xl: 6 };
  const required = [{ required: true, message: t('common.required') }];
  const yesNo = (field: FormListFieldData, name: keyof CaseFormValues['trainees'][number], label: string) => (
    <Form.Item name={[field.name, name]} valuePropName="checked" noStyle>
      <Switch size="small" aria-label={`${traineeId(field.name)} ${label}`} />
    </Form.Item>
  );

  return (
    <Form<CaseFormValues> form={form} name="calc" layout="vertical" initialValues={INITIAL} onFinish={finish} disabled={busy} scrollToFirstError data-testid="calc-form">
      <Typography.Paragraph type="secondary">{t('calc.formIntro')}</Typography.Paragraph>
      <Card size="small" title={t('calc.cohortSection')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col {...col}>
            <Form.Item name="programType" label={t('cohort.fields.programType')} rules={required}><Select options={options('programTypes')} /></Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={16} xl={12}>
            <Form.Item name="occupation" label={t('cohort.fields.occupation')} rules={required}>
              <Select showSearch={{ optionFilterProp: 'label' }} loading={!occupations} options={occupationOptions} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="level" label={t('cohort.fields.level')}><Select allowClear options={levelsOf(occupation)} /></Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="startDate" label={t('cohort.fields.startDate')} rules={required}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="days" label={t('calc.days')} rules={required}><InputNumber min={1} max={3660} precision={0} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="lessons" label={t('calc.lessons')} rules={required}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="asOf" label={t('calc.asOf')} extra={t('calc.asOfHelp')}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="approvedHeadcount" label={t('cohort.fields.approvedHeadcount')} rules={required}><InputNumber min={1} precision={0} style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="verifiedHeadcount"
              label={t('calc.verifiedHeadcount')}
              dependencies={['approvedHeadcount']}
              rules={[...required, ({ getFieldValue }) => ({
                validator: (_, v?: number) => (v === undefined || v === null || v <= (getFieldValue('approvedHeadcount') ?? 0) ? Promise.resolve() : Promise.reject(new Error(t('calc.verifiedTooMany')))),
              })]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="missingRecordingHalfDays" label={t('calc.missingRecording')}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
          </Col>
          {programType === 'apprenticeship' ? (
            <Col {...col}>
              <Form.Item name="years" label={t('calc.years')}><InputNumber min={1} max={3} precision={0} style={{ width: '100%' }} /></Form.Item>
            </Col>
          ) : null}
          <Col {...col}>
            <Form.Item name="capacityReduction" label={t('cohort.fields.capacityReduction')} valuePropName="checked"><Switch /></Form.Item>
          </Col>
        </Row>
      </Card>

      {unset.length ? (
        <Card size="small" title={t('calc.parameters')} style={{ marginBottom: 12 }} data-testid="calc-parameters">
          <Typography.Paragraph type="secondary">{t('calc.parametersHelp')}</Typography.Paragraph>
          <Row gutter={12}>
            {unset.map((p) => (
              <Col key={p.key} xs={24} md={12}>
                <Form.Item
                  name={['parameters', p.key]}
                  label={<span>{p.text}{p.unit === 'fen' ? '（元）' : ''}</span>}
                  extra={<span>{p.citation}<TechnicalId prefix=" · ">{p.key}</TechnicalId></span>}
                >
                  <InputNumber min={0} precision={p.unit === 'fen' ? 2 : 0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
      ) : null}

      <Card
        size="small"
        title={<span>{t('calc.trainees')} <Typography.Text type="secondary">{t('calc.traineeCount', { count: rows.length })}</Typography.Text></span>}
        extra={<CohortRosterPicker onLoaded={takeCohort} onError={setError} />}
        style={{ marginBottom: 12 }}
      >
        {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
        {loaded ? <Alert type="info" showIcon closable={{ onClose: () => setLoaded(null) }} style={{ marginBottom: 12 }} title={t('calc.loaded', loaded)} data-testid="calc-loaded" /> : null}
        <Form.List name="trainees" rules={[{ validator: (_, v?: unknown[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('calc.needTrainee')))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              <Table<FormListFieldData>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={fields}
                scroll={{ x: 'max-content' }}
                data-testid="calc-trainees"
                expandable={{
                  expandedRowRender: (f) => <HistoryRows field={f} occupationOptions={occupationOptions} levelsOf={levelsOf} />,
                  showExpandColumn: false,
                  expandedRowKeys: open,
                }}
                columns={[
                  {
                    title: t('cohort.subsidy.person'), key: 'who', width: 130,
                    render: (_: unknown, f) => (
                      <span data-testid="calc-trainee-label">{traineeId(f.name)} {rows[f.name]?.label ?? ''}</span>
                    ),
                  },
                  { title: t('calc.passed'), key: 'passed', width: 80, render: (_: unknown, f) => yesNo(f, 'passed', t('calc.passed')) },
                  { title: t('calc.employed'), key: 'employed', width: 80, render: (_: unknown, f) => yesNo(f, 'employed', t('calc.employed')) },
                  {
                    title: t('calc.attendance'), key: 'attendance', width: 110,
                    render: (_: unknown, f) => (
                      <Form.Item name={[f.name, 'attendancePercent']} noStyle>
                        <InputNumber min={0} max={100} precision={1} style={{ width: 90 }} aria-label={`${traineeId(f.name)} ${t('calc.attendance')}`} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('calc.groups'), key: 'groups', width: 240,
                    render: (_: unknown, f) => (
                      <Form.Item name={[f.name, 'groups']} noStyle>
                        <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} maxTagCount="responsive" options={options('personGroups')} style={{ width: 230 }} aria-label={`${traineeId(f.name)} ${t('calc.groups')}`} />
                      </Form.Item>
                    ),
                  },
                  { title: t('calc.voucherBound'), key: 'voucherBound', width: 100, render: (_: unknown, f) => yesNo(f, 'voucherBound', t('calc.voucherBound')) },
                  { title: t('calc.verified'), key: 'verified', width: 80, render: (_: unknown, f) => yesNo(f, 'verified', t('calc.verified')) },
                  { title: t('calc.skillUpgrade'), key: 'skillUpgradeSubsidy', width: 120, render: (_: unknown, f) => yesNo(f, 'skillUpgradeSubsidy', t('calc.skillUpgrade')) },
                  {
                    title: t('calc.history'), key: 'history', width: 90,
                    render: (_: unknown, f) => (
                      <Button
                        size="small"
                        type="link"
                        icon={open.includes(f.key) ? <MinusOutlined /> : <PlusOutlined />}
                        onClick={() => setOpen((o) => (o.includes(f.key) ? o.filter((k) => k !== f.key) : [...o, f.key]))}
                        aria-label={`${traineeId(f.name)} ${t('calc.history')}`}
                        data-testid="calc-history-toggle"
                      >
                        {t('calc.historyCount', { count: rows[f.name]?.history?.length ?? 0 })}
                      </Button>
                    ),
                  },
                  {
                    title: '', key: 'remove', width: 50, fixed: 'right' as const,
                    render: (_: unknown, f) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />,
                  },
                ]}
              />
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add(newTrainee())} style={{ marginTop: 8 }} data-testid="calc-add-trainee">{t('calc.addTrainee')}</Button>
            </>
          )}
        </Form.List>
      </Card>
      <Space>
        <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={busy} data-testid="calc-form-run">{t('calc.run')}</Button>
      </Space>
    </Form>
  );
}

/** A trainee's earlier subsidies and certificates (the case's `history`): the rules on repeats read them. */
function HistoryRows({ field, occupationOptions, levelsOf }: {
  field: FormListFieldData;
  occupationOptions: { value: string; label: string }[];
  levelsOf: (code: string | undefined) => { value: number; label: string }[];
}) {
  const { t } = useTranslation();
  const { options } = useLabels();
  return (
    <Form.List name={[field.name, 'history']}>
      {(entries, { add, remove }) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="calc-history">
          {entries.map((e) => (
            <Space key={e.key} wrap align="start">
              <Form.Item name={[e.name, 'date']} rules={[{ required: true, message: t('common.required') }]} noStyle>
                <DatePicker placeholder={t('calc.historyDate')} aria-label={t('calc.historyDate')} />
              </Form.Item>
              <Form.Item name={[e.name, 'kind']} rules={[{ required: true, message: t('common.required') }]} noStyle>
                <Select placeholder={t('calc.historyKind')} options={options('historyKinds')} style={{ width: 170 }} aria-label={t('calc.historyKind')} />
              </Form.Item>
              <Form.Item name={[e.name, 'occupation']} noStyle>
                <Select showSearch={{ optionFilterProp: 'label' }} allowClear placeholder={t('calc.historyOccupation')} options={occupationOptions} style={{ width: 260 }} aria-label={t('calc.historyOccupation')} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => (
                  <Form.Item name={[e.name, 'level']} noStyle>
                    <Select allowClear placeholder={t('calc.historyLevel')} options={levelsOf(getFieldValue(['trainees', field.name, 'history', e.name, 'occupation']))} style={{ width: 150 }} aria-label={t('calc.historyLevel')} />
                  </Form.Item>
                )}
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(e.name)} />
            </Space>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({})}>{t('calc.addHistory')}</Button>
        </Space>
      )}
    </Form.List>
  );
}
