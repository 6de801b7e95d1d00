import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import { GroupTags } from '../../components/PersonLabels.tsx';
import { MaskedValue } from '../../components/MaskedValue.tsx';
import { ProblemAlert, useProblemText } from '../../components/Problem.tsx';
import { PersonMultiSelect } from '../../components/PersonSelect.tsx';
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
  const [results, setResults] = useState<Added[] | null>(null);
  const added = (r: Added[]) => {
    setResults(r);
    const count = r.filter((x) => !x.error).length;
    if (!count) return;
    message.success(t('cohort.roster.addedCount', { count }));
    setPreview(null);
    onChange();
  };

  const screeningOf = (r: RosterEntry) => preview?.get(r.personId) ?? (preview ? null : r.screening);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        {editable ? <AddPersons cohortId={cohort.id} exclude={cohort.roster.map((r) => r.personId)} onAdded={added} onError={setError} /> : null}
        <Button icon={<SafetyCertificateOutlined />} onClick={screen} loading={screening} disabled={!cohort.roster.length} data-testid="screen">{t('cohort.roster.screen')}</Button>
        <TechnicalSwitch />
      </Space>
      {results ? <EnrolResults results={results} onClose={() => setResults(null)} /> : null}
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

type Hint = Screening & { enrolled: boolean };
interface Added { personId: string; name: string; error: unknown }

/**
 * Search registered persons and enrol several at once: each candidate shows the screening it would get here
 * (POST …/screening-preview); `onAdded` hears how each enrolment went.
 */
function AddPersons({ cohortId, exclude, onAdded, onError }: { cohortId: string; exclude: string[]; onAdded: (results: Added[]) => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Person[]>([]);
  const [hints, setHints] = useState<Map<string, Hint>>(new Map());
  const [busy, setBusy] = useState(false);

  const fetchHints = async (persons: Person[]) => {
    const missing = persons.filter((p) => !hints.has(p.id)).map((p) => p.id);
    if (!missing.length) return;
    try {
      const r = await api.post<{ items: (Hint & { personId: string })[] }>(`/api/v1/cohorts/${cohortId}/screening-preview`, { personIds: missing });
      setHints((h) => new Map([...h, ...r.items.map((i) => [i.personId, i] as const)]));
    } catch (e) {
      onError(e);
    }
  };
  const hint = (p: Person) => {
    const h = hints.get(p.id);
    if (!h) return <Typography.Text type="secondary" className="px-citation">{t('cohort.roster.hintLoading')}</Typography.Text>;
    return (
      <div data-testid="candidate-hint" data-eligible={String(h.eligible)}>
        <Tag color={h.eligible ? 'success' : 'error'}>{h.eligible ? t('cohort.roster.eligible') : t('cohort.roster.ineligible')}</Tag>
        <ReasonList reasons={h.reasons} />
      </div>
    );
  };
  const add = async () => {
    setBusy(true);
    const done: Added[] = [];
    // one request per person: a refusal of one (already enrolled, say) does not hold up the others
    for (const p of chosen) {
      try {
        await api.post(`/api/v1/cohorts/${cohortId}/enrolments`, { personId: p.id });
        done.push({ personId: p.id, name: p.name, error: null });
      } catch (e) {
        done.push({ personId: p.id, name: p.name, error: e });
      }
    }
    setBusy(false);
    setChosen([]);
    // the roster has changed: what a candidate would get has too
    setHints(new Map());
    onAdded(done);
  };

  return (
    <Space.Compact style={{ maxWidth: '100%' }}>
      <PersonMultiSelect
        value={chosen}
        onChange={setChosen}
        exclude={exclude}
        hint={hint}
        onFound={(found) => void fetchHints(found)}
        onError={onError}
        placeholder={t('cohort.roster.searchPerson')}
        testId="person-search"
      />
      <Button type="primary" icon={<UserAddOutlined />} onClick={add} loading={busy} disabled={!chosen.length} data-testid="enrol">
        {chosen.length > 1 ? t('cohort.roster.addMany', { count: chosen.length }) : t('cohort.roster.add')}
      </Button>
    </Space.Compact>
  );
}

/** How each enrolment of one addition went: 已加入, or the server's refusal for that person. */
function EnrolResults({ results, onClose }: { results: Added[]; onClose: () => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const failed = results.filter((r) => r.error).length;
  const why = (e: unknown) => (e instanceof ApiError ? e.fieldMessage : problemText(e).detail);
  return (
    <Alert
      type={failed ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      title={t('cohort.roster.addedResult', { ok: results.length - failed, failed })}
      data-testid="enrol-results"
      description={(
        <ul className="px-reasons">
          {results.map((r) => (
            <li key={r.personId} data-ok={String(!r.error)}>
              <Typography.Text strong>{r.name}：</Typography.Text>
              {r.error ? <Typography.Text type="danger">{why(r.error)}</Typography.Text> : t('cohort.roster.addedOne')}
            </li>
          ))}
        </ul>
      )}
    />
  );
}
