import { useState } from 'react';
import dayjs from 'dayjs';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { can } from '../../access.ts';
import { showOnField, useGet } from '../../hooks.ts';
import { LoadError, ProblemAlert } from '../../components/Problem.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { MaskedTeacherId } from '../../components/MaskedValue.tsx';
import { InstitutionStatusTag } from '../../components/Tags.tsx';
import { useLabels } from '../../reference.tsx';
import type { Equipment, InstitutionAction, InstitutionDetail, InstitutionStatus, LicensedOccupation, Teacher, Venue } from '../../types.ts';

const DANGER: InstitutionAction[] = ['suspend', 'remove'];

export function InstitutionDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { data: inst, error, reload } = useGet<InstitutionDetail>(`/api/v1/institutions/${id}`);
  const [action, setAction] = useState<InstitutionAction | null>(null);
  const { label, level } = useLabels();

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!inst) return <Skeleton active />;
  const none = t('common.none');
  const own = me.role === 'institution';

  return (
    <>
      <PageHead
        title={inst.name}
        back={own ? undefined : '/institutions'}
        extra={<InstitutionStatusTag status={inst.status} />}
        actions={can(me, 'institution.update') ? (
          <Button icon={<EditOutlined />} onClick={() => navigate(`/institutions/${inst.id}/edit`)}>{t('common.edit')}</Button>
        ) : null}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <TermWarnings inst={inst} />
        <Card title={t('institution.basic')} size="small">
          <Descriptions
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            size="small"
            items={[
              { key: 'kind', label: t('institution.fields.kind'), children: label('institutionKinds', inst.kind) },
              { key: 'region', label: t('institution.fields.region'), children: inst.regionName },
              { key: 'creditCode', label: t('institution.fields.creditCode'), children: inst.creditCode },
              { key: 'licenceNo', label: t('institution.fields.licenceNo'), children: inst.licenceNo },
              { key: 'licenceValidUntil', label: t('institution.fields.licenceValidUntil'), children: inst.licenceValidUntil ?? none },
              { key: 'contract', label: t('institution.fields.contract'), children: inst.contractStart || inst.contractEnd ? `${inst.contractStart ?? '…'} ~ ${inst.contractEnd ?? '…'}` : none },
              { key: 'contactName', label: t('institution.fields.contactName'), children: inst.contactName },
              { key: 'contactPhone', label: t('institution.fields.contactPhone'), children: inst.contactPhone },
              { key: 'address', label: t('institution.fields.address'), children: inst.address || none },
            ]}
          />
        </Card>

        <Card title={t('institution.statusTitle')} size="small" data-testid="status-card">
          <Space wrap>
            <InstitutionStatusTag status={inst.status} />
            {inst.actions.length ? inst.actions.map((a) => (
              <Button key={a} danger={DANGER.includes(a)} onClick={() => setAction(a)} data-action={a}>{t(`institution.action.${a}`)}</Button>
            )) : <Typography.Text type="secondary">{t('institution.noActions')}</Typography.Text>}
          </Space>
        </Card>

        <Card title={`${t('institution.occupations')} (${inst.occupations.length})`} size="small">
          <Table<LicensedOccupation>
            rowKey={(r) => `${r.occupationCode}-${r.level}`}
            size="small"
            pagination={false}
            dataSource={inst.occupations}
            scroll={{ x: 480 }}
            columns={[
              { title: t('institution.fields.occupationCode'), dataIndex: 'occupationCode', width: 130 },
              { title: t('institution.fields.occupation'), dataIndex: 'name' },
              { title: t('institution.fields.level'), dataIndex: 'level', width: 200, render: (l: number) => level(l) },
            ]}
          />
        </Card>

        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={`${t('institution.venues')} (${inst.venues.length})`} size="small" style={{ height: '100%' }}>
              <Table<Venue>
                rowKey={(r) => r.id ?? r.name}
                size="small"
                pagination={false}
                dataSource={inst.venues}
                columns={[
                  { title: t('institution.fields.venueName'), dataIndex: 'name' },
                  { title: t('institution.fields.venueKind'), dataIndex: 'kind', width: 120, render: (k: string) => <Tag>{t(`institution.venueKind.${k}`)}</Tag> },
                  { title: t('institution.fields.areaM2'), dataIndex: 'areaM2', width: 110, align: 'right' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={`${t('institution.equipment')} (${inst.equipment.length})`} size="small" style={{ height: '100%' }}>
              <Table<Equipment>
                rowKey={(r) => r.id ?? r.name}
                size="small"
                pagination={false}
                dataSource={inst.equipment}
                columns={[
                  { title: t('institution.fields.equipmentName'), dataIndex: 'name' },
                  { title: t('institution.fields.quantity'), dataIndex: 'quantity', width: 110, align: 'right' },
                ]}
              />
            </Card>
          </Col>
        </Row>


        <Card title={`${t('institution.teachers')} (${inst.teachers.length})`} size="small">
          <Table<Teacher>
            rowKey={(r) => r.id ?? r.idNumber}
            size="small"
            pagination={false}
            dataSource={inst.teachers}
            scroll={{ x: 640 }}
            columns={[
              { title: t('institution.fields.teacherName'), dataIndex: 'name', width: 100 },
              {
                title: t('institution.fields.teacherIdNumber'), dataIndex: 'idNumber', width: 230,
                render: (v: string, r) => (r.id ? <MaskedTeacherId institutionId={inst.id} teacherId={r.id} value={v} allowed={inst.mayRevealTeacherIds} /> : v),
              },
              { title: t('institution.fields.qualification'), dataIndex: 'qualification' },
              { title: t('institution.fields.certificateNo'), dataIndex: 'certificateNo', width: 180, render: (c: string) => c || none },
            ]}
          />
        </Card>
      </Space>

      <TransitionModal
        institution={inst}
        action={action}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          reload();
        }}
      />
    </>
  );
}

function TransitionModal({ institution, action, onClose, onDone }: {
  institution: InstitutionDetail;
  action: InstitutionAction | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useLabels();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    let reason: string;
    try {
      ({ reason } = await form.validateFields());
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ id: string; status: InstitutionStatus }>(`/api/v1/institutions/${institution.id}/transitions`, { action, reason });
      message.success(t('institution.actionDone', { status: label('institutionStatuses', r.status) }));
      form.resetFields();
      onDone();
    } catch (e) {
      if (!showOnField(form, e)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!action}
      title={action ? t('institution.actionConfirm', { action: t(`institution.action.${action}`), name: institution.name }) : ''}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: !!action && DANGER.includes(action), loading: busy }}
      onOk={submit}
      onCancel={() => {
        setError(null);
        form.resetFields();
        onClose();
      }}
      forceRender
    >
      {error ? <ProblemAlert error={error} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('institution.reason')} rules={[{ required: true, whitespace: true, message: t('institution.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('institution.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An expired licence or placement agreement blocks opening subsidised cohorts; one ending within 30 days is a warning. */
function TermWarnings({ inst }: { inst: InstitutionDetail }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  const soon = dayjs().add(30, 'day').format('YYYY-MM-DD');
  const terms = [['licence', inst.licenceValidUntil], ['agreement', inst.contractEnd]] as const;
  return (
    <>
      {terms.filter(([, end]) => end && end <= soon).map(([kind, end]) => (
        <Alert key={kind} type={end! < today ? 'error' : 'warning'} showIcon data-testid={`term-${kind}`}
          title={t(end! < today ? `institution.termExpired.${kind}` : `institution.termEnding.${kind}`, { date: end })} />
      ))}
    </>
  );
}
