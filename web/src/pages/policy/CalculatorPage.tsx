import { useState } from 'react';
import { Alert, Button, Card, Col, Input, Row, Select, Space, Tabs, Typography } from 'antd';
import { CalculatorOutlined, FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { useLabels } from '../../reference.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { RefusalAlert } from '../../components/Reasons.tsx';
import { DecisionView } from '../../components/DecisionView.tsx';
import type { Decision } from '../../types-cohort.ts';
import { SAMPLE_CASES, sampleFor } from './samples.ts';
import { CalculatorForm, type BuiltCase } from './CalculatorForm.tsx';

/**
 * 补贴测算器: an officer fills in a form (the training, the trainees) or, under 高级, edits the §5.2 case JSON;
 * both send the same case, and the form's last case shows in the JSON. Out come the engine's explanation
 * lines and the total; a bad case names its field.
 */
export function CalculatorPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { ref } = useLabels();
  const home = ref?.policies.find((p) => p.region === me.regionCode) ?? ref?.policies.find((p) => p.region === me.cityCode);
  const [policy, setPolicy] = useState<string | undefined>(undefined);
  const chosen = policy ?? home?.id ?? 'yangquan-2024';
  const [tab, setTab] = useState('form');
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const value = text ?? sampleFor(chosen);

  const send = async (body: unknown, names?: Map<string, string>) => {
    setError(null);
    setDecision(null);
    setJsonError(null);
    setBusy(true);
    try {
      const d = await api.post<Decision>('/api/v1/subsidy/calc', body);
      setDecision(names?.size ? { ...d, persons: d.persons.map((p) => ({ ...p, name: names.get(p.id) ?? p.name })) } : d);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const runJson = () => {
    let body: unknown;
    try {
      body = JSON.parse(value);
    } catch (e) {
      setDecision(null);
      setError(null);
      setJsonError(e instanceof Error ? e.message : String(e));
      return;
    }
    void send(body);
  };
  const runForm = ({ body, names }: BuiltCase) => {
    setText(JSON.stringify(body, null, 2));
    void send(body, names);
  };
  const choose = (p: string) => {
    if (p === chosen) return;
    setPolicy(p);
    setText(null);
    setDecision(null);
    setError(null);
  };

  const policies = ref?.policies ?? Object.keys(SAMPLE_CASES).map((id) => ({ id, title: id, docNumber: '' }));
  return (
    <>
      <PageHead title={t('calc.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={14}>
          <Card size="small">
            <Space wrap style={{ marginBottom: 8 }}>
              <Typography.Text>{t('calc.pack')}：</Typography.Text>
              <Select
                value={chosen}
                onChange={choose}
                style={{ width: 360, maxWidth: '70vw' }}
                popupMatchSelectWidth={false}
                aria-label={t('calc.pack')}
                data-testid="calc-pack"
                options={policies.map((p) => ({ value: p.id, label: p.docNumber ? `${p.title}（${p.docNumber}）` : p.title }))}
              />
            </Space>
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                { key: 'form', label: t('calc.tabForm'), children: <CalculatorForm policy={chosen} onPolicy={choose} busy={busy} onRun={runForm} /> },
                {
                  key: 'json', label: t('calc.tabJson'),
                  children: (
                    <>
                      <Typography.Paragraph type="secondary">{t('calc.jsonIntro')} {t('calc.intro')}</Typography.Paragraph>
                      <Input.TextArea
                        value={value}
                        onChange={(e) => setText(e.target.value)}
                        autoSize={{ minRows: 18, maxRows: 40 }}
                        spellCheck={false}
                        className="px-mono"
                        aria-label={t('calc.caseJson')}
                        data-testid="case-json"
                      />
                      <Space style={{ marginTop: 12 }}>
                        <Button type="primary" icon={<CalculatorOutlined />} onClick={runJson} loading={busy} data-testid="calc-run">{t('calc.run')}</Button>
                        <Button icon={<FileTextOutlined />} onClick={() => setText(sampleFor(chosen))}>{t('calc.sample')}</Button>
                      </Space>
                    </>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={10}>
          <Card size="small" title={t('calc.result')} data-testid="calc-result">
            {jsonError ? <Alert type="error" showIcon title={t('calc.invalidJson', { message: jsonError })} /> : null}
            {error ? <RefusalAlert error={error} /> : null}
            {decision ? <DecisionView decision={decision} /> : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
