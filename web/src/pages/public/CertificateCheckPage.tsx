import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError, query } from '../../api.ts';
import { useLabels } from '../../reference.tsx';
import { ProblemAlert } from '../../components/Problem.tsx';
import type { PublicCertificate } from '../../types-cohort.ts';

/** Suihua's 16 characters (prefix + 12 + 2 + YY + 6) or the 18 with the full county code. */
const PATTERN = /^(JNPX|GQPX|ZGPX)(12\d{2}|\d{6})\d{8}$/;

/**
 * 证书查询 (public): number and holder's name in; 证书真实有效 only when both match, a clear 姓名不符 when the
 * name does not (showing no more of the real name than the mask), or 未找到.
 */
export function CertificateCheckPage() {
  const { number } = useParams<{ number?: string }>();
  const [params] = useSearchParams();
  const name = params.get('name') ?? '';
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { level } = useLabels();
  const [form] = Form.useForm<{ number: string; name: string }>();
  const [state, setState] = useState<{ loading: boolean; cert?: PublicCertificate & { holderMatches?: boolean }; error?: unknown }>({ loading: false });

  useEffect(() => {
    form.setFieldsValue({ number: number ?? '', name });
    if (!number || !name.trim()) {
      setState({ loading: false });
      return;
    }
    let live = true;
    setState({ loading: true });
    api.get<PublicCertificate & { holderMatches?: boolean }>(`/api/v1/public/certificates/${encodeURIComponent(number)}${query({ name })}`).then(
      (cert) => live && setState({ loading: false, cert }),
      (error) => live && setState({ loading: false, error }),
    );
    return () => {
      live = false;
    };
  }, [number, name, form]);

  const search = (v: { number: string; name: string }) => {
    const n = v.number.trim().toUpperCase();
    navigate(`/public/certificates/${encodeURIComponent(n)}${query({ name: v.name.trim() })}`);
  };
  const notFound = state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 400);
  const bad = number && !PATTERN.test(number.toUpperCase());
  const cert = state.cert;

  return (
    <Card title={t('public.certCheck')} style={{ maxWidth: 640, margin: '24px auto' }}>
      <Form form={form} layout="vertical" onFinish={search} requiredMark={false}>
        <Form.Item name="number" label={t('public.certNumber')} rules={[{ required: true, whitespace: true, message: t('public.needNumber') }]}>
          <Input placeholder={t('public.certPlaceholder')} maxLength={30} allowClear size="large" data-testid="cert-number" />
        </Form.Item>
        <Form.Item name="name" label={t('public.holderName')} rules={[{ required: true, whitespace: true, message: t('public.needName') }]}>
          <Input placeholder={t('public.holderNamePlaceholder')} maxLength={50} allowClear size="large" data-testid="cert-holder-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" data-testid="cert-check">{t('public.check')}</Button>
      </Form>
      <div style={{ marginTop: 16 }} data-testid="cert-result">
        {state.loading ? <Spin /> : null}
        {number && !name.trim() && !state.loading ? <Alert type="info" showIcon title={t('public.askName')} data-testid="cert-ask-name" /> : null}
        {cert && cert.holderMatches === false ? (
          <Result status="error" title={t('public.nameMismatch')} subTitle={t('public.nameMismatchDetail', { number: cert.number, holder: cert.holder })} style={{ padding: '16px 0' }} data-testid="cert-name-mismatch" />
        ) : null}
        {cert && cert.holderMatches === true ? (
          <Result
            status="success"
            title={t('public.found')}
            subTitle={cert.number}
            style={{ padding: '16px 0' }}
            extra={
              <Descriptions bordered size="small" column={1} items={[
                { key: 'holder', label: t('public.holder'), children: cert.holder },
                { key: 'occupation', label: t('public.occupation'), children: cert.occupation },
                { key: 'level', label: t('public.level'), children: level(cert.level) },
                { key: 'institution', label: t('public.institution'), children: cert.institution },
                { key: 'issuedOn', label: t('public.issuedOn'), children: cert.issuedOn },
              ]} />
            }
          />
        ) : null}
        {notFound ? (
          <Result status="warning" title={bad ? t('public.badNumber') : t('public.notFound')} subTitle={t('public.notFoundDetail', { number })} style={{ padding: '16px 0' }} data-testid="cert-not-found" />
        ) : state.error ? <ProblemAlert error={state.error} /> : null}
      </div>
    </Card>
  );
}
