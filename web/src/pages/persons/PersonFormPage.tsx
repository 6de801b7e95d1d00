import { useMemo, useState } from 'react';
import { App, Card, Col, Form, Input, Radio, Row, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { showOnField, useCounties, useGet } from '../../hooks.ts';
import { LoadError, ProblemAlert } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { useLabels } from '../../reference.tsx';
import type { Person, PersonCreated, PersonInput } from '../../types.ts';
import { FormActions } from '../../components/FormActions.tsx';

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function PersonFormPage() {
  const { id } = useParams<{ id: string }>();
  const editing = !!id;
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonInput>();
  const counties = useCounties(me.cityCode);
  const { options } = useLabels();
  const existing = useGet<Person>(editing ? `/api/v1/persons/${id}` : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const initialValues = useMemo<Partial<PersonInput>>(() => {
    const p = existing.data;
    if (!p) return { groups: [], employmentStatus: 'none' };
    return {
      // Phone and household region are not sent whole: left empty, they stay as they are.
      name: p.name, idNumber: p.idNumber, regionCode: p.regionCode,
      education: p.education, groups: p.groups, employmentStatus: p.employmentStatus, employmentCardNo: p.employmentCardNo,
    };
  }, [existing.data]);

  if (editing && existing.error) return <LoadError error={existing.error} onRetry={existing.reload} />;
  if (editing && !existing.data) return <Skeleton active />;

  const onFinish = async (v: PersonInput) => {
    const body: PersonInput = {
      name: v.name.trim(),
      ...(editing && !v.phone?.trim() ? {} : { phone: blankToNull(v.phone) }),
      ...(editing && !v.householdRegionCode?.trim() ? {} : { householdRegionCode: blankToNull(v.householdRegionCode) }),
      education: v.education ?? null,
      groups: v.groups ?? [],
      employmentStatus: v.employmentStatus,
      employmentCardNo: blankToNull(v.employmentCardNo),
      ...(can(me, 'person.chooseRegion') && v.regionCode ? { regionCode: v.regionCode } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      if (editing) {
        const saved = await api.patch<Person>(`/api/v1/persons/${id}`, body);
        message.success(t('common.saved'));
        navigate(`/persons/${saved.id}`, { replace: true });
      } else {
        const saved = await api.post<PersonCreated>('/api/v1/persons', { ...body, idNumber: (v.idNumber ?? '').trim().toUpperCase() });
        if (saved.outcome === 'linked') message.info(t('person.linked', { name: saved.name }));
        else message.success(t('person.created', { name: saved.name }));
        for (const w of saved.warnings ?? []) message.warning(w);
        navigate(`/persons/${saved.id}`);
      }
    } catch (e) {
      // A named field shows the message under itself; anything else goes in the alert on top.
      if (!showOnField(form, e)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  const col = { xs: 24, md: 12, xl: 8 };
  return (
    <>
      <PageHead title={editing ? t('person.editTitle') : t('person.newTitle')} back />
      {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
      <Form<PersonInput> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} disabled={busy} scrollToFirstError>
        <Card size="small">
          <Row gutter={16}>
            <Col {...col}>
              <Form.Item name="name" label={t('person.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item
                name="idNumber"
                label={t('person.fields.idNumber')}
                rules={editing ? [] : [{ required: true, whitespace: true, message: t('common.required') }, { pattern: /^\s*\d{17}[\dXx]\s*$/, message: t('person.idNumberFormat') }]}
              >
                <Input maxLength={18} disabled={editing} style={{ fontFamily: 'monospace' }} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="phone" label={t('person.fields.phone')} extra={editing ? t('person.keepHint') : undefined} rules={[{ pattern: /^\s*(1[3-9]\d{9})?\s*$/, message: t('person.phoneFormat') }]}>
                <Input maxLength={11} inputMode="tel" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="education" label={t('person.fields.education')}>
                <Select allowClear options={options('educationLevels')} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="householdRegionCode" label={t('person.fields.householdRegionCode')} extra={editing ? t('person.keepHint') : t('person.householdHint')} rules={[{ pattern: /^\s*(\d{6})?\s*$/, message: t('person.regionCodeFormat') }]}>
                <Input maxLength={6} inputMode="numeric" />
              </Form.Item>
            </Col>
            {can(me, 'person.chooseRegion') ? (
              <Col {...col}>
                <Form.Item name="regionCode" label={t('person.fields.regionCode')}>
                  <Select allowClear options={counties.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))} />
                </Form.Item>
              </Col>
            ) : null}
            <Col {...col}>
              <Form.Item name="employmentStatus" label={t('person.fields.employmentStatus')} rules={[{ required: true, message: t('common.required') }]}>
                <Radio.Group optionType="button" options={options('employmentStatuses')} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="employmentCardNo" label={t('person.fields.employmentCardNo')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="groups" label={t('person.fields.groups')}>
                <Select mode="multiple" allowClear options={options('personGroups')} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <FormActions busy={busy} />
      </Form>
    </>
  );
}
