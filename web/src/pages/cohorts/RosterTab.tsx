import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, query, type Page } from '../../api.ts';
import { GroupTags } from '../../components/PersonLabels.tsx';
import { MaskedValue } from '../../components/MaskedValue.tsx';
import { ProblemAlert } from '../../components/Problem.tsx';
import { ReasonList } from '../../components/Reasons.tsx';
import { TechnicalSwitch } from '../../components/TechnicalDetails.tsx';
import type { Person } from '../../types.ts';
import type { CohortDetail, RosterEntry, Screening } from '../../types-cohort.ts';
import { RosterVoucher } from './RosterVoucher.tsx';

type Preview = Map<string, Screening>;

/**
 * 花名册: the roster with each person's screening (reasons and citations) and voucher; an institution edits it
 * while a draft, and applies for or binds the vouchers of its persons (`vouchers`).
 */
export function RosterTab({ cohort, editable, vouchers, onChange }: { cohort: CohortDetail; editable: boolean; vouchers: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [screening, setScreening] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const screen = async () => {
    setScreening(true);
    setError(null);
    try {
      const r = await api.get<{ items: { personId: string; eligible: boolean; reasons: Screening['reasons'] }[] }>(`/api/v1/cohorts/${cohort.id}/screening`);
      setPreview(new Map(r.items.map((i) => [i.personId, { eligible: i.eligible, reasons: i.reasons }])));
    } catch (e) {
      setError(e);
    } finally {
      setScreening(false);
    }
  };
  const remove = async (r: RosterEntry) => {
    try {
      await api.delete(`/api/v1/cohorts/${cohort.id}/enrolments/${r.personId}`);
      setPreview(null);
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  const added = (name: string) => {
    message.success(t('cohort.roster.added', { name }));
    setPreview(null);
    onChange();
  };

  const screeningOf = (r: RosterEntry) => preview?.get(r.personId) ?? (preview ? null : r.screening);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        {editable ? <AddPerson cohortId={cohort.id} exclude={cohort.roster.map((r) => r.personId)} onAdded={added} onError={setError} /> : null}
        <Button icon={<SafetyCertificateOutlined />} onClick={screen} loading={screening} disabled={!cohort.roster.length} data-testid="screen">{t('cohort.roster.screen')}</Button>
        <TechnicalSwitch />
      </Space>
      {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
      <Alert type="info" showIcon title={preview ? t('cohort.roster.previewNote') : t('cohort.roster.storedNote')} />
      <Table<RosterEntry>
        rowKey="personId"
        size="small"
        pagination={false}
        dataSource={cohort.roster}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('cohort.roster.empty') }}
        data-testid="roster"
        columns={[
          { title: t('person.fields.name'), dataIndex: 'name', width: 90 },
          { title: t('person.fields.idNumber'), dataIndex: 'idNumber', width: 230, render: (v: string, r: RosterEntry) => <MaskedValue personId={r.personId} field="idNumber" value={v} /> },
          { title: t('person.fields.gender'), dataIndex: 'gender', width: 60, responsive: ['md'], render: (g: string) => t(`person.gender.${g}`, { defaultValue: g }) },
          { title: t('person.fields.phone'), dataIndex: 'phone', width: 120, responsive: ['lg'], render: (p: string | null, r: RosterEntry) => <MaskedValue personId={r.personId} field="phone" value={p} /> },
          { title: t('person.fields.groups'), dataIndex: 'groups', width: 200, responsive: ['md'], render: (g: string[]) => <GroupTags groups={g} max={2} /> },
          {
            title: t('cohort.roster.voucher'), dataIndex: 'voucherId', width: vouchers ? 170 : 80,
            render: (v: string | null, r: RosterEntry) => (
              <span data-testid="roster-voucher-cell" data-bound={String(!!v)}>
                {v ? <Tag color="green">{t('cohort.roster.bound')}</Tag> : <Tag>{t('cohort.roster.unbound')}</Tag>}
                {!v && vouchers ? <RosterVoucher cohort={cohort} entry={r} onChange={onChange} /> : null}
              </span>
            ),
          },
          {
            title: t('cohort.roster.screening'), key: 'screening', width: 380,
            render: (_: unknown, r) => {
              const s = screeningOf(r);
              if (!s) return <Typography.Text type="secondary">{t('cohort.roster.notScreened')}</Typography.Text>;
              return (
                <div data-testid="screening-cell" data-eligible={String(s.eligible)}>
                  <Tag color={s.eligible ? 'success' : 'error'}>{s.eligible ? t('cohort.roster.eligible') : t('cohort.roster.ineligible')}</Tag>
                  <ReasonList reasons={s.reasons} />
                </div>
              );
            },
          },
          ...(editable ? [{
            title: t('common.actions'), key: 'actions', width: 80, fixed: 'right' as const,
            render: (_: unknown, r: RosterEntry) => (
              <Popconfirm title={t('cohort.roster.removeConfirm', { name: r.name })} onConfirm={() => remove(r)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                <Button size="small" type="link" danger icon={<DeleteOutlined />}>{t('cohort.roster.remove')}</Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
    </Space>
  );
}

/** Search registered persons (GET /persons?q=) and enrol the chosen one. */
function AddPerson({ cohortId, exclude, onAdded, onError }: { cohortId: string; exclude: string[]; onAdded: (name: string) => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Person[]>([]);
  const [loading, setLoading] = useState(false);
  const [value, setValue] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const search = async (q: string) => {
    setLoading(true);
    try {
      const r = await api.get<Page<Person>>(`/api/v1/persons${query({ q: q.trim(), pageSize: 20 })}`);
      setOptions(r.items);
    } catch (e) {
      onError(e);
    } finally {
      setLoading(false);
    }
  };
  const add = async () => {
    const p = options.find((o) => o.id === value);
    if (!p) return;
    setBusy(true);
    try {
      await api.post(`/api/v1/cohorts/${cohortId}/enrolments`, { personId: p.id });
      setValue(undefined);
      onAdded(p.name);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space.Compact>
      <Select
        showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
        onOpenChange={(open) => open && !options.length && void search('')}
        value={value}
        onChange={setValue}
        loading={loading}
        placeholder={t('cohort.roster.searchPerson')}
        style={{ width: 340 }}
        options={options.filter((p) => !exclude.includes(p.id)).map((p) => ({ value: p.id, label: `${p.name}  ${p.idNumber}` }))}
        data-testid="person-search"
      />
      <Button type="primary" icon={<UserAddOutlined />} onClick={add} loading={busy} disabled={!value} data-testid="enrol">{t('cohort.roster.add')}</Button>
    </Space.Compact>
  );
}
