import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, query, type Page } from '../../api.ts';
import { showOnField, useGet } from '../../hooks.ts';
import { useLabels } from '../../reference.tsx';
import { ProblemAlert } from '../../components/Problem.tsx';

interface Region { code: string; name: string; level: string }
interface PublicComplaint { trackingCode: string; state: string; stateLabel: string; category: string; receivedOn: string; dueOn: string | null; outcome: string | null }
interface Values { cityCode: string; regionCode?: string; institutionId?: string; category: string; content: string; named: boolean; name?: string; phone?: string }

/** A county's city: GB/T 2260 codes share their first four digits. */
const cityOf = (code: string) => `${code.slice(0, 4)}00`;

/**
 * 投诉举报 (public, phone width too): where and what, anonymous unless the complainant chooses to give a name and phone
 * (then only the officer handling it sees them); the reply is a tracking code that shows progress and the outcome.
 */
export function ComplaintPage() {
  const { code } = useParams<{ code?: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { ref, options } = useLabels();
  const [form] = Form.useForm<Values>();
  const [cities, setCities] = useState<Region[]>([]);
  const [filed, setFiled] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const cityCode = Form.useWatch('cityCode', form);
  const regionCode = Form.useWatch('regionCode', form);
  const named = Form.useWatch('named', form);

  // the places this system serves: the cities (and 文水's county) of its policy packs
  const served = useMemo(() => [...new Set((ref?.policies ?? []).map((p) => cityOf(p.region)))], [ref]);
  useEffect(() => {
    let live = true;
    Promise.all(served.map((c) => api.get<{ items: Region[] }>(`/api/v1/public/regions${query({ parent: c })}`).then((r) => r.items.find((x) => x.code === c))))
      .then((found) => live && setCities(found.filter((x): x is Region => !!x)), () => undefined);
    return () => { live = false; };
  }, [served]);
  const counties = (useGet<{ items: Region[] }>(cityCode ? `/api/v1/public/regions${query({ parent: cityCode })}` : null).data?.items ?? []).filter((x) => x.code !== cityCode);
  const listed = useGet<Page<{ id: string; name: string; regionCode: string }>>(cityCode ? `/api/v1/public/institutions${query({ regionCode: regionCode ?? undefined, pageSize: 200 })}` : null).data?.items ?? [];
  const institutions = listed.filter((i) => cityOf(i.regionCode) === cityCode);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = { regionCode: v.regionCode ?? v.cityCode, institutionId: v.institutionId, category: v.category, content: v.content, ...(v.named ? { name: v.name, phone: v.phone } : {}) };
      setFiled((await api.post<{ trackingCode: string }>('/api/v1/public/complaints', body)).trackingCode);
    } catch (e) {
      if (!showOnField(form, e)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (code) return <ComplaintStatus code={code} />;
  if (filed) {
    return (
      <Card style={{ maxWidth: 640, margin: '24px auto' }}>
        <Result status="success" title={t('complaint.filed')} subTitle={t('complaint.keepCode')}
          extra={<Space orientation="vertical"><Typography.Title level={3} copyable className="px-mono" data-testid="complaint-code">{filed}</Typography.Title>
            <Button type="primary" onClick={() => navigate(`/public/complaints/${filed}`)}>{t('complaint.follow')}</Button></Space>} />
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 640, margin: '24px auto', display: 'flex' }}>
      <Card title={t('complaint.title')}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('complaint.confidential')} />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ named: false }} requiredMark={false} data-testid="complaint-form">
          <Form.Item name="cityCode" label={t('complaint.city')} rules={[{ required: true, message: t('complaint.needCity') }]}>
            <Select options={cities.map((c) => ({ value: c.code, label: c.name }))} onChange={() => form.setFieldsValue({ regionCode: undefined, institutionId: undefined })} data-testid="complaint-city" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('complaint.county')}>
            <Select allowClear options={counties.map((c) => ({ value: c.code, label: c.name }))} onChange={() => form.setFieldsValue({ institutionId: undefined })} data-testid="complaint-county" />
          </Form.Item>
          <Form.Item name="institutionId" label={t('complaint.institution')}>
            <Select allowClear showSearch optionFilterProp="label" options={institutions.map((i) => ({ value: i.id, label: i.name }))} data-testid="complaint-institution" />
          </Form.Item>
          <Form.Item name="category" label={t('complaint.category')} rules={[{ required: true, message: t('complaint.needCategory') }]}>
            <Select options={options('complaintCategories')} data-testid="complaint-category" />
          </Form.Item>
          <Form.Item name="content" label={t('complaint.content')} rules={[{ required: true, min: 10, message: t('complaint.needContent') }]}>
            <Input.TextArea rows={5} maxLength={2000} showCount data-testid="complaint-content" />
          </Form.Item>
          <Form.Item name="named" label={t('complaint.named')} valuePropName="checked"><Switch data-testid="complaint-named" /></Form.Item>
          {named ? (
            <>
              <Form.Item name="name" label={t('complaint.name')} rules={[{ required: true, message: t('complaint.needName') }]}><Input maxLength={30} /></Form.Item>
              <Form.Item name="phone" label={t('complaint.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('complaint.badPhone') }]}><Input maxLength={11} inputMode="tel" /></Form.Item>
            </>
          ) : null}
          {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} size="large" data-testid="complaint-submit">{t('complaint.submit')}</Button>
        </Form>
      </Card>
      <Card title={t('complaint.lookup')} size="small">
        <Form layout="inline" onFinish={(v: { code: string }) => navigate(`/public/complaints/${v.code.trim().toUpperCase()}`)}>
          <Form.Item name="code" rules={[{ required: true, message: t('complaint.needCode') }]}><Input placeholder="TS…" maxLength={14} data-testid="complaint-lookup-code" /></Form.Item>
          <Button htmlType="submit">{t('public.check')}</Button>
        </Form>
      </Card>
    </Space>
  );
}

function ComplaintStatus({ code }: { code: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useGet<PublicComplaint>(`/api/v1/public/complaints/${encodeURIComponent(code)}`);
  const missing = state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 400);
  return (
    <Card title={t('complaint.lookup')} style={{ maxWidth: 640, margin: '24px auto' }} extra={<Button type="link" onClick={() => navigate('/public/complaints')}>{t('complaint.new')}</Button>}>
      {missing ? <Result status="warning" title={t('complaint.notFound')} subTitle={code} /> : null}
      {state.error && !missing ? <ProblemAlert error={state.error} /> : null}
      {state.data ? (
        <Descriptions bordered size="small" column={1} data-testid="complaint-status" items={[
          { key: 'code', label: t('complaint.code'), children: <span className="px-mono">{state.data.trackingCode}</span> },
          { key: 'state', label: t('complaint.state'), children: state.data.stateLabel },
          { key: 'category', label: t('complaint.category'), children: state.data.category },
          { key: 'received', label: t('complaint.receivedOn'), children: state.data.receivedOn },
          { key: 'due', label: t('complaint.dueOn'), children: state.data.dueOn ?? t('common.none') },
          { key: 'outcome', label: t('complaint.outcome'), children: state.data.outcome ?? t('complaint.pending') },
        ]} />
      ) : null}
    </Card>
  );
}
