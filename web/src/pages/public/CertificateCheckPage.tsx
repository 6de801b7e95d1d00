import { useEffect, useState } from 'react';
import { Card, Descriptions, Input, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api.ts';
import { useLabels } from '../../reference.tsx';
import { ProblemAlert } from '../../components/Problem.tsx';
import type { PublicCertificate } from '../../types-cohort.ts';

const PATTERN = /^(JNPX|GQPX|ZGPX)12\d{10}$/;

/** 证书查询 (public): a number in, the certificate with the holder's name partly hidden, or 未找到. */
export function CertificateCheckPage() {
  const { number } = useParams<{ number?: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { level } = useLabels();
  const [text, setText] = useState(number ?? '');
  const [state, setState] = useState<{ loading: boolean; cert?: PublicCertificate; error?: unknown }>({ loading: false });

  useEffect(() => {
    if (!number) {
      setState({ loading: false });
      return;
    }
    setText(number);
    let live = true;
    setState({ loading: true });
    api.get<PublicCertificate>(`/api/v1/public/certificates/${encodeURIComponent(number)}`).then(
      (cert) => live && setState({ loading: false, cert }),
      (error) => live && setState({ loading: false, error }),
    );
    return () => {
      live = false;
    };
  }, [number]);

  const search = (v: string) => {
    const n = v.trim().toUpperCase();
    if (n) navigate(`/public/certificates/${encodeURIComponent(n)}`);
  };
  const notFound = state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 400);
  const bad = number && !PATTERN.test(number.toUpperCase());

  return (
    <Card title={t('public.certCheck')} style={{ maxWidth: 640, margin: '24px auto' }}>
      <Input.Search
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={search}
        enterButton={t('public.check')}
        placeholder={t('public.certPlaceholder')}
        aria-label={t('public.certNumber')}
        maxLength={30}
        allowClear
        size="large"
        data-testid="cert-number"
      />
      <div style={{ marginTop: 16 }} data-testid="cert-result">
        {state.loading ? <Spin /> : null}
        {state.cert ? (
          <Result
            status="success"
            title={t('public.found')}
            subTitle={state.cert.number}
            style={{ padding: '16px 0' }}
            extra={
              <Descriptions bordered size="small" column={1} items={[
                { key: 'holder', label: t('public.holder'), children: state.cert.holder },
                { key: 'occupation', label: t('public.occupation'), children: state.cert.occupation },
                { key: 'level', label: t('public.level'), children: level(state.cert.level) },
                { key: 'institution', label: t('public.institution'), children: state.cert.institution },
                { key: 'issuedOn', label: t('public.issuedOn'), children: state.cert.issuedOn },
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
