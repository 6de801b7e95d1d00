import { useState } from 'react';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { showOnField } from '../../hooks.ts';
import { useLabels } from '../../reference.tsx';
import { ProblemAlert } from '../../components/Problem.tsx';
import { formatYuan } from '../../format.ts';
import { TechnicalId } from '../../components/TechnicalDetails.tsx';
import type { Parameter, PolicyDetail, StatedValue, StoredValue } from '../../types-cohort.ts';

interface ValueForm {
  value: number;
  from: Dayjs;
  to?: Dayjs;
  occupation?: string;
  level?: number;
  programType?: string;
  source: string;
}

/** Formats a parameter value in its unit: money in yuan, the rest with its unit. */
export function useValueText() {
  const { t } = useTranslation();
  return (unit: string, v: number | null | undefined) => (v === null || v === undefined ? t('common.none') : unit === 'fen' ? formatYuan(v) : `${v} ${t(`policy.units.${unit}`, { defaultValue: unit })}`);
}

/** The parameters of a pack: stated values, unset ones highlighted, values the bureau set; set and end them when allowed. Keys with 技术细节. */
export function ParameterTable({ policy, onChange }: { policy: PolicyDetail; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, level } = useLabels();
  const valueText = useValueText();
  const [editing, setEditing] = useState<Parameter | null>(null);
  const [error, setError] = useState<unknown>(null);

  const scope = (v: { occupation?: string | null; level?: number | null; programType?: string | null }) => {
    const parts = [v.programType ? label('programTypes', v.programType) : null, v.occupation, v.level ? level(v.level) : null].filter(Boolean);
    return parts.length ? <Typography.Text type="secondary"> [{parts.join(' · ')}]</Typography.Text> : null;
  };
  const stated = (p: Parameter, v: StatedValue, i: number) => (
    <div key={i}>{valueText(p.unit, v.value)}{scope(v)} <Typography.Text type="secondary" className="px-citation">{v.from} ~ {v.to ?? t('policy.openEnded')}</Typography.Text></div>
  );
  const end = async (s: StoredValue, to: string) => {
    try {
      await api.post(`/api/v1/policies/${policy.id}/parameters/${s.id}/end`, { to });
      message.success(t('policy.endDone'));
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  const stored = (p: Parameter, s: StoredValue) => (
    <div key={s.id} data-stored={s.id}>
      <Tag color="blue">{valueText(p.unit, s.value)}</Tag>{scope(s)}
      <Typography.Text type="secondary" className="px-citation"> {s.from} ~ {s.to ?? t('policy.openEnded')} · {s.source} · {s.setByName ?? t('common.none')}</Typography.Text>
      {policy.mayEdit && !s.to ? (
        <Popconfirm title={t('policy.endTitle')} description={`${t('policy.to')}: ${dayjs().format('YYYY-MM-DD')}`} onConfirm={() => end(s, dayjs().format('YYYY-MM-DD'))} okText={t('common.confirm')} cancelText={t('common.cancel')}>
          <Button type="link" size="small">{t('policy.end')}</Button>
        </Popconfirm>
      ) : null}
    </div>
  );

  return (
    <>
      {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
      <Table<Parameter>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={policy.parameters}
        scroll={{ x: 'max-content' }}
        rowClassName={(p) => (!p.values.length && !p.stored.length ? 'px-unset' : '')}
        data-testid="parameters"
        onRow={(p) => ({ 'data-key': p.key }) as object}
        columns={[
          {
            title: t('policy.key'), key: 'key', width: 220,
            render: (_: unknown, p) => (
              <div>
                <div>{p.text}</div>
                <TechnicalId>{p.key}</TechnicalId>
              </div>
            ),
          },
          { title: t('cohort.citation'), dataIndex: 'citation', width: 170 },
          {
            title: t('policy.stated'), key: 'stated', width: 240,
            render: (_: unknown, p) => (p.values.length ? p.values.map((v, i) => stated(p, v, i)) : (
              <div>
                <Tag color="orange" data-unset={p.key}>{t('policy.unset')}</Tag>
                {p.refersTo ? <Typography.Text type="secondary">{t('policy.refersTo', { doc: p.refersTo })}</Typography.Text> : null}
                {!p.stored.length ? <div><Typography.Text type="warning" className="px-citation">{t('policy.unsetHint')}</Typography.Text></div> : null}
              </div>
            )),
          },
          { title: t('policy.stored'), key: 'stored', width: 280, render: (_: unknown, p) => (p.stored.length ? p.stored.map((s) => stored(p, s)) : t('common.none')) },
          ...(policy.mayEdit ? [{
            title: t('common.actions'), key: 'set', width: 80, fixed: 'right' as const,
            render: (_: unknown, p: Parameter) => <Button size="small" onClick={() => setEditing(p)} data-set={p.key}>{t('policy.setValue')}</Button>,
          }] : []),
        ]}
      />
      <SetValueModal policy={policy} parameter={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); onChange(); }} />
    </>
  );
}

function SetValueModal({ policy, parameter, onClose, onSaved }: { policy: PolicyDetail; parameter: Parameter | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options, level } = useLabels();
  const [form] = Form.useForm<ValueForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fen = parameter?.unit === 'fen';

  const save = async () => {
    if (!parameter) return;
    let v: ValueForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/policies/${policy.id}/parameters`, {
        key: parameter.key,
        value: fen ? Math.round(v.value * 100) : v.value,
        from: v.from.format('YYYY-MM-DD'),
        ...(v.to ? { to: v.to.format('YYYY-MM-DD') } : {}),
        ...(v.occupation?.trim() ? { occupation: v.occupation.trim() } : {}),
        ...(v.level ? { level: v.level } : {}),
        ...(v.programType ? { programType: v.programType } : {}),
        source: v.source.trim(),
      });
      message.success(t('policy.saved'));
      form.resetFields();
      onSaved();
    } catch (e) {
      if (!showOnField(form, e)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!parameter}
      title={parameter ? t('policy.setFor', { key: parameter.text }) : ''}
      onOk={save}
      onCancel={() => { setError(null); form.resetFields(); onClose(); }}
      okButtonProps={{ loading: busy }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
      width={640}
    >
      {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
      {parameter ? <Typography.Paragraph type="secondary">{parameter.citation}<TechnicalId prefix=" · ">{parameter.key}</TechnicalId></Typography.Paragraph> : null}
      <Form form={form} layout="vertical" name="parameter" initialValues={{ from: dayjs(policy.validFrom) }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="value" label={fen ? t('policy.valueYuan') : `${t('policy.value')}（${t(`policy.units.${parameter?.unit ?? 'count'}`, { defaultValue: parameter?.unit })}）`} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={0} precision={fen ? 2 : 0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="from" label={t('policy.from')} rules={[{ required: true, message: t('common.required') }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="to" label={t('policy.to')}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="programType" label={t('policy.programType')}><Select allowClear options={options('programTypes')} /></Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="occupation" label={t('policy.occupation')}><Input maxLength={20} placeholder="4-03-02-01" /></Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="level" label={t('policy.level')}><Select allowClear options={[5, 4, 3, 2, 1].map((l) => ({ value: l, label: level(l) }))} /></Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="source" label={t('policy.source')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Space />
    </Modal>
  );
}
