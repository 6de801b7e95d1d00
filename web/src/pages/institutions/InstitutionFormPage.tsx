import { useMemo, useState } from 'react';
import { App, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Skeleton, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { showOnField, useCounties, useGet, useOccupations } from '../../hooks.ts';
import { LoadError, ProblemAlert } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { useLabels } from '../../reference.tsx';
import type { InstitutionDetail, InstitutionInput, Occupation } from '../../types.ts';
import { ListSection } from './ListSection.tsx';
import { FormActions } from '../../components/FormActions.tsx';

type DateField = Dayjs | null | undefined;
interface FormValues extends Omit<InstitutionInput, 'licenceValidUntil' | 'contractStart' | 'contractEnd'> {
  licenceValidUntil?: DateField;
  contractStart?: DateField;
  contractEnd?: DateField;
}

const toDay = (d: string | null | undefined) => (d ? dayjs(d) : undefined);
const fromDay = (d: DateField) => (d ? d.format('YYYY-MM-DD') : null);
const levelsOf = (o: Occupation | undefined) => (o && o.levels.length ? [...o.levels].sort((a, b) => b - a) : [0]);

const ITEM = { marginBottom: 8 };

const EMPTY: Partial<FormValues> = { venues: [], equipment: [], teachers: [], occupations: [] };

export function InstitutionFormPage() {
  const { id } = useParams<{ id: string }>();
  const editing = !!id;
  const { t } = useTranslation();
  const { options, level } = useLabels();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const counties = useCounties(me.cityCode);
  const occupations = useOccupations();
  const byCode = useMemo(() => new Map((occupations ?? []).map((o) => [o.code, o])), [occupations]);
  const existing = useGet<InstitutionDetail>(editing ? `/api/v1/institutions/${id}` : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const initialValues = useMemo<Partial<FormValues>>(() => {
    const d = existing.data;
    if (!d) return EMPTY;
    return {
      name: d.name, kind: d.kind, regionCode: d.regionCode, creditCode: d.creditCode, licenceNo: d.licenceNo,
      contactName: d.contactName, contactPhone: d.contactPhone, address: d.address,
      licenceValidUntil: toDay(d.licenceValidUntil),
      contractStart: toDay(d.contractStart),
      contractEnd: toDay(d.contractEnd),
      venues: d.venues.map(({ name, kind, areaM2 }) => ({ name, kind, areaM2 })),
      equipment: d.equipment.map(({ name, quantity }) => ({ name, quantity })),
      // a registered teacher keeps its id, so that its masked ID number can be sent back unchanged
      teachers: d.teachers.map(({ id, name, idNumber, qualification, certificateNo }) => ({ id, name, idNumber, qualification, certificateNo })),
      occupations: d.occupations.map(({ occupationCode, level }) => ({ occupationCode, level })),
    };
  }, [existing.data]);

  if (editing && existing.error) return <LoadError error={existing.error} onRetry={existing.reload} />;
  if (editing && !existing.data) return <Skeleton active />;

  const onFinish = async (v: FormValues) => {
    const body: InstitutionInput = {
      ...v,
      address: v.address ?? '',
      licenceValidUntil: fromDay(v.licenceValidUntil),
      contractStart: fromDay(v.contractStart),
      contractEnd: fromDay(v.contractEnd),
      venues: v.venues ?? [],
      equipment: v.equipment ?? [],
      teachers: (v.teachers ?? []).map((x) => ({ ...x, certificateNo: x.certificateNo ?? '' })),
      occupations: v.occupations ?? [],
    };
    setBusy(true);
    setError(null);
    try {
      const saved = editing
        ? await api.put<InstitutionDetail>(`/api/v1/institutions/${id}`, body)
        : await api.post<InstitutionDetail>('/api/v1/institutions', body);
      message.success(editing ? t('common.saved') : t('institution.created'));
      navigate(`/institutions/${saved.id}`, { replace: editing });
    } catch (e) {
      showOnField(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const req = [{ required: true, whitespace: true, message: t('common.required') }];
  const reqAny = [{ required: true, message: t('common.required') }];
  const col = { xs: 24, md: 12, xl: 8 };

  return (
    <>
      <PageHead title={editing ? t('institution.editTitle') : t('institution.newTitle')} back />
      {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
        disabled={busy}
        scrollToFirstError
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('institution.basic')} size="small">
            <Row gutter={16}>
              <Col {...col}><Form.Item name="name" label={t('institution.fields.name')} rules={req}><Input maxLength={100} /></Form.Item></Col>
              <Col {...col}>
                <Form.Item name="kind" label={t('institution.fields.kind')} rules={reqAny}>
                  <Select options={options('institutionKinds')} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="regionCode" label={t('institution.fields.regionCode')} rules={reqAny}>
                  <Select options={counties.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="creditCode" label={t('institution.fields.creditCode')} rules={[...req, { len: 18, message: t('institution.creditCodeLength') }]}>
                  <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
              </Col>
              <Col {...col}><Form.Item name="licenceNo" label={t('institution.fields.licenceNo')} rules={req}><Input maxLength={60} /></Form.Item></Col>
              <Col {...col}><Form.Item name="licenceValidUntil" label={t('institution.fields.licenceValidUntil')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
              <Col {...col}><Form.Item name="contactName" label={t('institution.fields.contactName')} rules={req}><Input maxLength={30} /></Form.Item></Col>
              <Col {...col}><Form.Item name="contactPhone" label={t('institution.fields.contactPhone')} rules={req}><Input maxLength={20} inputMode="tel" /></Form.Item></Col>
              <Col {...col}><Form.Item name="address" label={t('institution.fields.address')}><Input maxLength={200} /></Form.Item></Col>
              <Col {...col}><Form.Item name="contractStart" label={t('institution.fields.contractStart')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
              <Col {...col}><Form.Item name="contractEnd" label={t('institution.fields.contractEnd')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            </Row>
          </Card>

          <ListSection
            title={t('institution.occupations')}
            name="occupations"
            addLabel={t('institution.addOccupation')}
            row={(f, first) => (
              <Row gutter={8}>
                <Col xs={24} md={14}>
                  <Form.Item name={[f.name, 'occupationCode']} rules={reqAny} label={first(t('institution.fields.occupation'))} style={ITEM}>
                    <Select
                      placeholder={t('institution.occupationSearch')}
                      loading={!occupations}
                      showSearch={{ optionFilterProp: 'search' }}
                      options={(occupations ?? []).map((o) => ({
                        value: o.code,
                        search: `${o.code} ${o.name}`,
                        label: (
                          <span>
                            {o.name} <span style={{ color: '#8c8c8c' }}>{o.code}</span>
                            {o.urgent ? <Tag color="red" style={{ marginInlineStart: 6 }}>{t('institution.urgent')}</Tag> : null}
                            {o.shortage ? <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('institution.shortage')}</Tag> : null}
                          </span>
                        ),
                      }))}
                      onChange={(code: string) => {
                        const levels = levelsOf(byCode.get(code));
                        form.setFieldValue(['occupations', f.name, 'level'], levels[0]);
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item noStyle shouldUpdate={(a, b) => a.occupations?.[f.name]?.occupationCode !== b.occupations?.[f.name]?.occupationCode}>
                    {() => {
                      const code = form.getFieldValue(['occupations', f.name, 'occupationCode']) as string | undefined;
                      return (
                        <Form.Item name={[f.name, 'level']} rules={reqAny} label={first(t('institution.fields.level'))} style={ITEM}>
                          <Select options={levelsOf(byCode.get(code ?? '')).map((l) => ({ value: l, label: level(l) }))} />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
              </Row>
            )}
          />

          <ListSection
            title={t('institution.venues')}
            name="venues"
            addLabel={t('institution.addVenue')}
            addValue={{ kind: 'theory' }}
            row={(f, first) => (
              <Row gutter={8}>
                <Col xs={24} md={12}><Form.Item name={[f.name, 'name']} rules={req} label={first(t('institution.fields.venueName'))} style={ITEM}><Input maxLength={60} placeholder={t('institution.fields.venueName')} /></Form.Item></Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[f.name, 'kind']} rules={reqAny} label={first(t('institution.fields.venueKind'))} style={ITEM}>
                    <Select options={(['theory', 'practical'] as const).map((k) => ({ value: k, label: t(`institution.venueKind.${k}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[f.name, 'areaM2']} rules={reqAny} label={first(t('institution.fields.areaM2'))} style={ITEM}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder={t('institution.fields.areaM2')} />
                  </Form.Item>
                </Col>
              </Row>
            )}
          />

          <ListSection
            title={t('institution.equipment')}
            name="equipment"
            addLabel={t('institution.addEquipment')}
            addValue={{ quantity: 1 }}
            row={(f, first) => (
              <Row gutter={8}>
                <Col xs={16} md={18}><Form.Item name={[f.name, 'name']} rules={req} label={first(t('institution.fields.equipmentName'))} style={ITEM}><Input maxLength={60} placeholder={t('institution.fields.equipmentName')} /></Form.Item></Col>
                <Col xs={8} md={6}>
                  <Form.Item name={[f.name, 'quantity']} rules={reqAny} label={first(t('institution.fields.quantity'))} style={ITEM}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder={t('institution.fields.quantity')} />
                  </Form.Item>
                </Col>
              </Row>
            )}
          />

          <ListSection
            title={t('institution.teachers')}
            name="teachers"
            addLabel={t('institution.addTeacher')}
            row={(f, first) => (
              <Row gutter={8}>
                <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                <Col xs={12} md={5}><Form.Item name={[f.name, 'name']} rules={req} label={first(t('institution.fields.teacherName'))} style={ITEM}><Input maxLength={30} placeholder={t('institution.fields.teacherName')} /></Form.Item></Col>
                <Col xs={12} md={7}><Form.Item name={[f.name, 'idNumber']} rules={req} label={first(t('institution.fields.teacherIdNumber'))} style={ITEM}><Input maxLength={18} placeholder={t('institution.fields.teacherIdNumber')} /></Form.Item></Col>
                <Col xs={12} md={6}><Form.Item name={[f.name, 'qualification']} rules={req} label={first(t('institution.fields.qualification'))} style={ITEM}><Input maxLength={100} placeholder={t('institution.fields.qualification')} /></Form.Item></Col>
                <Col xs={12} md={6}><Form.Item name={[f.name, 'certificateNo']} label={first(t('institution.fields.certificateNo'))} style={ITEM}><Input maxLength={60} placeholder={t('institution.fields.certificateNo')} /></Form.Item></Col>
              </Row>
            )}
          />

          <FormActions busy={busy} flush />
        </Space>
      </Form>
    </>
  );
}
