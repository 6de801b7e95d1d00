import { useState } from 'react';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useMe } from '../auth.tsx';
import { can } from '../access.ts';

/**
 * A masked ID number or phone with a 显示 action for the roles that may see it whole. Each click asks the server,
 * which audits the view; the whole value is kept only while the page is open.
 */
export function MaskedValue({ personId, field, value }: { personId: string; field: 'idNumber' | 'phone'; value: string | null }) {
  const me = useMe();
  return (
    <Revealable value={value} field={field} allowed={can(me, 'person.reveal')}
      fetchWhole={async () => (await api.post<{ value: string | null }>(`/api/v1/persons/${personId}/reveal`, { field })).value} />
  );
}

/** A teacher's masked ID number, 显示 for the bureau and the institution itself (the server says who: `allowed`). */
export function MaskedTeacherId({ institutionId, teacherId, value, allowed }: { institutionId: string; teacherId: string; value: string; allowed: boolean }) {
  return (
    <Revealable value={value} field="idNumber" allowed={allowed}
      fetchWhole={async () => (await api.post<{ idNumber: string }>(`/api/v1/institutions/${institutionId}/teachers/${teacherId}/reveal`, {})).idNumber} />
  );
}

function Revealable({ value, field, allowed, fetchWhole }: { value: string | null; field: string; allowed: boolean; fetchWhole: () => Promise<string | null> }) {
  const { t } = useTranslation();
  const [whole, setWhole] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!value) return <>{t('common.none')}</>;
  const show = async () => {
    setBusy(true);
    setFailed(false);
    try {
      setWhole(await fetchWhole());
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span data-testid={`masked-${field}`}>
      <span className="px-mono">{whole ?? value}</span>
      {whole === null && allowed ? (
        <Tooltip title={failed ? t('person.revealFailed') : t('person.revealHint')}>
          <Button type="link" size="small" loading={busy} danger={failed} onClick={show} data-testid={`reveal-${field}`}>{t('person.reveal')}</Button>
        </Tooltip>
      ) : null}
    </span>
  );
}
