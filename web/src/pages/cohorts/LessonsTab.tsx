import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { showOnField, useGet } from '../../hooks.ts';
import { ProblemAlert } from '../../components/Problem.tsx';
import type { InstitutionDetail } from '../../types.ts';
import type { CohortDetail, Lesson } from '../../types-cohort.ts';

interface LessonForm {
  date: Dayjs;
  startsAt: string;
  endsAt: string;
  kind: 'theory' | 'practical';
  lessons: number;
  teacherId?: string;
  groupSize?: number;
  topic?: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 课程表: the timetable; an institution adds and removes lessons while the cohort is a draft. */
export function LessonsTab({ cohort, editable, onChange }: { cohort: CohortDetail; editable: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LessonForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const institution = useGet<InstitutionDetail>(editable ? `/api/v1/institutions/${cohort.institutionId}` : null);
  const kind = Form.useWatch('kind', form);
  const total = cohort.lessons.reduce((n, l) => n + l.lessons, 0);
  const days = new Set(cohort.lessons.map((l) => l.date)).size;

  const add = async (v: LessonForm) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/cohorts/${cohort.id}/lessons`, {
        date: v.date.format('YYYY-MM-DD'), startsAt: v.startsAt.trim(), endsAt: v.endsAt.trim(), kind: v.kind, lessons: v.lessons,
        teacherId: v.teacherId ?? null, groupSize: v.kind === 'practical' ? (v.groupSize ?? null) : null, topic: (v.topic ?? '').trim(),
      });
      message.success(t('cohort.lesson.added'));
      // Next lesson: the following day, same hours.
      form.setFieldsValue({ date: v.date.add(1, 'day'), topic: '' });
      onChange();
    } catch (e) {
      if (!showOnField(form, e)) setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (l: Lesson) => {
    try {
      await api.delete(`/api/v1/cohorts/${cohort.id}/lessons/${l.id}`);
      onChange();
    } catch (e) {
      setError(e);
    }
  };

  const inRange = (d: Dayjs) => d.isBefore(dayjs(cohort.startDate), 'day') || d.isAfter(dayjs(cohort.endDate), 'day');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
      {editable ? (
        <Card size="small" title={t('cohort.lesson.add')}>
          <Form<LessonForm>
            form={form}
            name="lesson"
            layout="vertical"
            onFinish={add}
            disabled={busy}
            initialValues={{ date: dayjs(cohort.startDate), startsAt: '08:30', endsAt: '11:30', kind: 'theory', lessons: 4 }}
          >
            <Row gutter={12}>
              <Col xs={12} md={6} xl={4}>
                <Form.Item name="date" label={t('cohort.lesson.date')} rules={[{ required: true, message: t('common.required') }]}>
                  <DatePicker format="YYYY-MM-DD" disabledDate={inRange} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={6} md={3} xl={2}>
                <Form.Item name="startsAt" label={t('cohort.lesson.startsAt')} rules={[{ required: true, pattern: TIME, message: t('cohort.lesson.timeFormat') }]}>
                  <Input maxLength={5} placeholder="08:30" />
                </Form.Item>
              </Col>
              <Col xs={6} md={3} xl={2}>
                <Form.Item name="endsAt" label={t('cohort.lesson.endsAt')} rules={[{ required: true, pattern: TIME, message: t('cohort.lesson.timeFormat') }]}>
                  <Input maxLength={5} placeholder="11:30" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6} xl={4}>
                <Form.Item name="kind" label={t('cohort.lesson.kind')}>
                  <Radio.Group optionType="button" options={(['theory', 'practical'] as const).map((k) => ({ value: k, label: t(`cohort.lesson.kinds.${k}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6} xl={3}>
                <Form.Item name="lessons" label={t('cohort.lesson.lessons')} rules={[{ required: true, message: t('common.required') }]}>
                  <InputNumber min={1} max={8} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6} xl={4}>
                <Form.Item name="teacherId" label={t('cohort.lesson.teacher')}>
                  <Select allowClear options={(institution.data?.teachers ?? []).map((x) => ({ value: x.id!, label: x.name }))} />
                </Form.Item>
              </Col>
              {kind === 'practical' ? (
                <Col xs={12} md={6} xl={3}>
                  <Form.Item name="groupSize" label={t('cohort.lesson.groupSize')}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ) : null}
              <Col xs={24} md={12} xl={6}>
                <Form.Item name="topic" label={t('cohort.lesson.topic')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="add-lesson">{t('cohort.lesson.add')}</Button>
          </Form>
        </Card>
      ) : null}
      <Typography.Text type="secondary">{t('cohort.lesson.total', { count: total, days })}</Typography.Text>
      <Table<Lesson>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={cohort.lessons}
        scroll={{ x: 'max-content' }}
        data-testid="lessons"
        columns={[
          { title: t('cohort.lesson.date'), dataIndex: 'date', width: 110 },
          { title: t('cohort.lesson.time'), key: 'time', width: 120, render: (_: unknown, l) => `${l.startsAt}–${l.endsAt}` },
          { title: t('cohort.lesson.kind'), dataIndex: 'kind', width: 80, render: (k: Lesson['kind']) => <Tag color={k === 'practical' ? 'orange' : 'blue'}>{t(`cohort.lesson.kinds.${k}`)}</Tag> },
          { title: t('cohort.lesson.lessons'), dataIndex: 'lessons', width: 80, align: 'right' },
          { title: t('cohort.lesson.teacher'), dataIndex: 'teacherName', width: 100, render: (n: string | null) => n ?? t('common.none') },
          { title: t('cohort.lesson.groupSize'), dataIndex: 'groupSize', width: 110, responsive: ['md'], render: (n: number | null) => n ?? t('common.none') },
          { title: t('cohort.lesson.topic'), dataIndex: 'topic', render: (s: string) => s || t('common.none') },
          ...(editable ? [{
            title: t('common.actions'), key: 'actions', width: 80,
            render: (_: unknown, l: Lesson) => (
              <Popconfirm title={t('cohort.lesson.removeConfirm', { date: l.date, time: l.startsAt })} onConfirm={() => remove(l)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} />
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
    </Space>
  );
}
