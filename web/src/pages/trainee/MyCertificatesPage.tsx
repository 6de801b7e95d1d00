import { Card, Descriptions, Empty, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Page } from '../../api.ts';
import { useGet } from '../../hooks.ts';
import { useLabels } from '../../reference.tsx';
import { LoadError } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import type { Certificate } from '../../types-cohort.ts';

/** 我的证书 (phone): the trainee's certificates, each checkable on the public page. */
export function MyCertificatesPage() {
  const { t } = useTranslation();
  const { level } = useLabels();
  const { data, error, loading, reload } = useGet<Page<Certificate>>('/api/v1/certificates?pageSize=50');
  return (
    <div className="px-phone">
      <PageHead title={t('trainee.certificates')} />
      {error ? <LoadError error={error} onRetry={reload} /> : loading && !data ? <Skeleton active /> : !data?.items.length ? <Empty description={t('trainee.noCertificates')} /> : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {data.items.map((c) => (
            <Card key={c.number} size="small" title={`${c.occupationName} · ${level(c.level)}`}>
              <Descriptions size="small" column={1} items={[
                { key: 'number', label: t('cohort.certificates.number'), children: <Link to={`/public/certificates/${c.number}`}><Typography.Text code>{c.number}</Typography.Text></Link> },
                { key: 'institution', label: t('cohort.certificates.institution'), children: c.institutionName },
                { key: 'cohort', label: t('cohort.certificates.cohort'), children: c.cohortName },
                { key: 'issuedOn', label: t('cohort.certificates.issuedOn'), children: c.issuedOn },
              ]} />
            </Card>
          ))}
        </Space>
      )}
    </div>
  );
}
