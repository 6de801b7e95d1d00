import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { useGet, useRegionNames } from '../../hooks.ts';
import { LoadError, ProblemAlert } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { EmploymentTag, GroupTags } from '../../components/PersonLabels.tsx';
import { MaskedValue } from '../../components/MaskedValue.tsx';
import { useLabels } from '../../reference.tsx';
import type { IdentityCheckResult, IdentityFinding, Person } from '../../types.ts';

const ALERT_TYPE: Record<IdentityFinding['severity'], 'error' | 'warning' | 'info'> = { refusal: 'error', warning: 'warning', info: 'info' };

export function PersonDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const regionName = useRegionNames(me.cityCode);
  const { label } = useLabels();
  const { data: p, error, reload } = useGet<Person>(`/api/v1/persons/${id}`);
  const [check, setCheck] = useState<IdentityCheckResult | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!p) return <Skeleton active />;
  const none = t('common.none');
  const region = (code: string | null) => (code ? `${regionName(code)}${regionName(code) !== code ? `（${code}）` : ''}` : none);

  const runCheck = async () => {
    setChecking(true);
    setCheckError(null);
    try {
      setCheck(await api.get<IdentityCheckResult>(`/api/v1/persons/${p.id}/identity-check`));
    } catch (e) {
      setCheck(null);
      setCheckError(e);
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <PageHead
        title={p.name}
        back="/persons"
        extra={<EmploymentTag status={p.employmentStatus} />}
        actions={
          <>
            {can(me, 'person.identityCheck') ? (
              <Button icon={<SafetyCertificateOutlined />} onClick={runCheck} loading={checking} data-testid="identity-check">{t('person.identityCheck')}</Button>
            ) : null}
            {can(me, 'person.update') ? <Button icon={<EditOutlined />} onClick={() => navigate(`/persons/${p.id}/edit`)}>{t('common.edit')}</Button> : null}
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            size="small"
            items={[
              {
                key: 'idNumber', label: t('person.fields.idNumber'),
                children: (
                  <MaskedValue personId={p.id} field="idNumber" value={p.idNumber} />
                ),
              },
              { key: 'gender', label: t('person.fields.gender'), children: t(`person.gender.${p.gender}`) },
              { key: 'age', label: t('person.fields.age'), children: p.age },
              { key: 'phone', label: t('person.fields.phone'), children: <MaskedValue personId={p.id} field="phone" value={p.phone} /> },
              { key: 'education', label: t('person.fields.education'), children: p.education ? label('educationLevels', p.education) : none },
              { key: 'employmentCardNo', label: t('person.fields.employmentCardNo'), children: p.employmentCardNo ?? none },
              { key: 'regionCode', label: t('person.fields.regionCode'), children: region(p.regionCode) },
              { key: 'createdAt', label: t('person.fields.createdAt'), children: dayjs(p.createdAt).format('YYYY-MM-DD HH:mm') },
              { key: 'groups', label: t('person.fields.groups'), span: 'filled', children: <GroupTags groups={p.groups} /> },
            ]}
          />
        </Card>

        {checkError ? <ProblemAlert error={checkError} onClose={() => setCheckError(null)} /> : null}
        {check ? (
          <Card size="small" title={t('person.identityTitle')} data-testid="identity-result">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              items={[
                { key: 'found', label: t('person.facts.found'), children: check.facts.found ? t('common.yes') : t('common.no') },
                { key: 'pension', label: t('person.facts.drawsMonthlyPension'), children: check.facts.drawsMonthlyPension ? t('common.yes') : t('common.no') },
                { key: 'employer', label: t('person.facts.socialInsuranceEmployer'), children: check.facts.socialInsuranceEmployer ?? none },
              ]}
            />
            <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
              {check.findings.length ? check.findings.map((f) => (
                <Alert
                  key={f.rule}
                  type={ALERT_TYPE[f.severity]}
                  showIcon
                  title={<span><Tag>{t(`person.severity.${f.severity}`)}</Tag>{f.text}</span>}
                  description={<Typography.Text type="secondary">{t('person.citation')}：{f.citation}</Typography.Text>}
                  data-rule={f.rule}
                />
              )) : <Alert type="success" showIcon title={t('person.identityNone')} />}
            </Space>
          </Card>
        ) : null}
      </Space>
    </>
  );
}
