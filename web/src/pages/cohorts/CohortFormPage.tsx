import { useEffect, useMemo, useState } from 'react';
import { App, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Skeleton, Switch, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { showOnField, useGet, useOccupations } from '../../hooks.ts';
import { useLabels } from '../../reference.tsx';
import { LoadError, ProblemAlert } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import type { InstitutionDetail } from '../../types.ts';
import type { Cohort, CohortDetail, CohortInput } from '../../types-cohort.ts';
import { FormActions } from '../../components/FormActions.tsx';

interface FormValues extends Omit<CohortInput, 'startDate' | 'endDate'> {
  startDate: Dayjs;
  endDate: Dayjs;
}

const DATE = 'YYYY-MM-DD';

/** Create a draft cohort, or edit one while it is a draft (institution). */
export function CohortFormPage() {
  const { id } = useParams<{ id: string }>();
  const editing = !!id;
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { ref, options, level } = useLabels();
  const [form] = Form.useForm<FormValues>();
  const occupations = useOccupations();
  const institution = useGet<InstitutionDetail>(me.institutionId ? `/api/v1/institutions/${me.institutionId}` : null);
  const existing = useGet<CohortDetail>(editing ? `/api/v1/cohorts/${id}` : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const occupationCode = Form.useWatch('occupationCode', form);

  // Licensed occupation+levels first: the opening is refused for any other (yangquan 第五条).
  const licensed = useMemo(() => new Set((institution.data?.occupations ?? []).map((o) => `${o.occupationCode}:${o.level}`)), [institution.data]);
  const occupationOptions = useMemo(() => {
    const all = (occupations ?? []).map((o) => ({
      value: o.code,
      label: `${o.name}（${o.code}）`,
      licensed: [...licensed].some((k) => k.startsWith(`${o.code}:`)),
    }));
    return [...all.filter((o) => o.licensed), ...all.filter((o) => !o.licensed)];
  }, [occupations, licensed]);
  const levels = useMemo(() => {
    const o = occupations?.find((x) => x.code === occupationCode);
    return o && o.levels.length ? [...o.levels].sort((a, b) => b - a) : [0];
  }, [occupations, occupationCode]);

  const defaultPolicy = ref?.policies.find((p) => p.region === me.regionCode) ?? ref?.policies.find((p) => p.region === me.cityCode);
  const initialValues = useMemo<Partial<FormValues>>(() => {
    const c = existing.data;
    if (!c) return { programType: 'employment_skills', passMark: 60, capacityReduction: false, venue: '' };
    return {
      policy: c.policy, programType: c.programType, occupationCode: c.occupationCode, level: c.level, name: c.name,
      startDate: dayjs(c.startDate), endDate: dayjs(c.endDate), venue: c.venue, capacityReduction: c.capacityReduction, passMark: c.passMark,
    };
  }, [existing.data]);
  useEffect(() => {
    if (!editing && defaultPolicy && !form.getFieldValue('policy')) form.setFieldValue('policy', defaultPolicy.id);
  }, [editing, defaultPolicy, form]);
  useEffect(() => {
    const l = form.getFieldValue('level');
    if (occupationCode && !levels.includes(l)) form.setFieldValue('level', levels[0]);
  }, [occupationCode, levels, form]);

  if (editing && existing.error) return <LoadError error={existing.error} onRetry={existing.reload} />;
  if (editing && !existing.data) return <Skeleton active />;

  const onFinish = async (v: FormValues) => {
    const body: CohortInput = {
      policy: v.policy, programType: v.programType, occupationCode: v.occupationCode, level: v.level ?? 0, name: v.name.trim(),
      startDate: v.startDate.format(DATE), endDate: v.endDate.format(DATE), venue: (v.venue ?? '').trim(),
      capacityReduction: !!v.capacityReduction, passMark: v.passMark ?? 60,
    };
    setBusy(true);
    setError(null);
    try {
      const saved = editing ? await api.put<Cohort>(`/api/v1/cohorts/${id}`, body) : await api.post<Cohort>('/api/v1/cohorts', body);
      message.success(editing ? t('common.saved') : t('cohort.created'));
      navigate(`/cohorts/${saved.id}`, { replace: editing });
    } catch (e) {
      if (!showOnField(form, e)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  const col = { xs: 24, md: 12, xl: 8 };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <>
      <PageHead title={editing ? t('cohort.editTitle') : t('cohort.newTitle')} back />
      {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} disabled={busy} scrollToFirstError>
        <Card size="small">
          <Row gutter={16}>
            <Col xs={24} xl={16}>
              <Form.Item name="name" label={t('cohort.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="policy" label={t('cohort.fields.policy')} rules={required}>
                <Select
                  options={(ref?.policies ?? []).map((p) => ({ value: p.id, label: `${p.title}（${p.docNumber}）` }))}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="programType" label={t('cohort.fields.programType')} rules={required}>
                <Select options={options('programTypes')} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="occupationCode" label={t('cohort.fields.occupation')} rules={required}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={!occupations}
                  options={occupationOptions.map((o) => ({ value: o.value, label: o.label }))}
                  optionRender={(o) => {
                    const lic = occupationOptions.find((x) => x.value === o.value)?.licensed;
                    return <span>{o.label}{lic ? <Tag color="green" style={{ marginInlineStart: 6 }}>✓</Tag> : null}</span>;
                  }}
                />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="level" label={t('cohort.fields.level')} rules={required}>
                <Select options={levels.map((l) => ({ value: l, label: `${level(l)}${licensed.has(`${occupationCode}:${l}`) ? ' ✓' : ''}` }))} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="startDate" label={t('cohort.fields.startDate')} rules={required}>
                <DatePicker format={DATE} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item
                name="endDate"
                label={t('cohort.fields.endDate')}
                dependencies={['startDate']}
                rules={[...required, ({ getFieldValue }) => ({
                  validator: (_, v?: Dayjs) => (!v || !getFieldValue('startDate') || !v.isBefore(getFieldValue('startDate')) ? Promise.resolve() : Promise.reject(new Error('≥ ' + t('cohort.fields.startDate')))),
                })]}
              >
                <DatePicker format={DATE} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="venue" label={t('cohort.fields.venue')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="passMark" label={t('cohort.fields.passMark')}>
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="capacityReduction" label={t('cohort.fields.capacityReduction')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <FormActions busy={busy} />
      </Form>
    </>
  );
}
