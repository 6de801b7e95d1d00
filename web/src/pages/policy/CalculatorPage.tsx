import { useState } from 'react';
import { Alert, Button, Card, Col, Input, Row, Select, Space, Typography } from 'antd';
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

/** 补贴测算器: a §5.2 case in, the engine's explanation lines and total out; a bad case names its field. */
export function CalculatorPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { ref } = useLabels();
  const home = ref?.policies.find((p) => p.region === me.regionCode) ?? ref?.policies.find((p) => p.region === me.cityCode);
  const [policy, setPolicy] = useState<string | undefined>(undefined);
  const chosen = policy ?? home?.id ?? 'yangquan-2024';
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const value = text ?? sampleFor(chosen);

  const run = async () => {
    let body: unknown;
    setError(null);
    setDecision(null);
    try {
      body = JSON.parse(value);
      setJsonError(null);
    } catch (e) {
      setJsonError(e instanceof Error ? e.message : String(e));
      return;
    }
    setBusy(true);
    try {
      setDecision(await api.post<Decision>('/api/v1/subsidy/calc', body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead title={t('calc.title')} />
      <Typography.Paragraph type="secondary">{t('calc.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('calc.caseJson')}
            extra={
              <Space.Compact>
                <Select
                  value={chosen}
                  onChange={(p) => { setPolicy(p); setText(null); setDecision(null); setError(null); }}
                  style={{ width: 170 }}
                  aria-label={t('calc.pack')}
                  options={(ref?.policies ?? Object.keys(SAMPLE_CASES).map((id) => ({ id, title: id }))).map((p) => ({ value: p.id, label: p.id }))}
                />
                <Button icon={<FileTextOutlined />} onClick={() => setText(sampleFor(chosen))}>{t('calc.sample')}</Button>
              </Space.Compact>
            }>
            <Input.TextArea
              value={value}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 18, maxRows: 40 }}
              spellCheck={false}
              className="px-mono"
              aria-label={t('calc.caseJson')}
              data-testid="case-json"
            />
            <Button type="primary" icon={<CalculatorOutlined />} onClick={run} loading={busy} style={{ marginTop: 12 }} data-testid="calc-run">{t('calc.run')}</Button>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('calc.result')}>
            {jsonError ? <Alert type="error" showIcon title={t('calc.invalidJson', { message: jsonError })} /> : null}
            {error ? <RefusalAlert error={error} /> : null}
            {decision ? <DecisionView decision={decision} /> : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
