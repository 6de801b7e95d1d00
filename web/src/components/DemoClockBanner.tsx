import { useCallback, useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { api } from '../api.ts';
import { ProblemAlert } from './Problem.tsx';

interface DemoClock {
  date: string;
  realToday: string;
  offsetDays: number;
  nextDate: string | null;
}

/**
 * The demo clock (only a demo store served with --demo has one; elsewhere the API answers 404 and nothing
 * shows): its date while it is not today, and a button that moves it to the next date a cohort's step needs.
 */
/** `readOnly` (pages without sign-in): the date only; moving the clock needs a demo account. */
export function DemoClockBanner({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [clock, setClock] = useState<DemoClock | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => api.get<DemoClock>('/api/v1/demo/clock').then(setClock, () => setClock(null)), []);
  useEffect(() => {
    void load();
    // a step taken on this page can make a new date needed: look again now and then
    const timer = window.setInterval(() => void load(), 10_000);
    return () => window.clearInterval(timer);
  }, [load, location.pathname, location.search]);

  if (!clock || (clock.offsetDays === 0 && (readOnly || !clock.nextDate))) return null;
  const advance = async () => {
    setBusy(true);
    try {
      await api.post<DemoClock>('/api/v1/demo/clock', { date: clock.nextDate });
      window.location.reload(); // every page shows data as of the new date
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <>
      <Alert
        type="warning"
        showIcon
        banner
        style={{ marginBottom: 16 }}
        data-testid="demo-clock"
        title={clock.offsetDays ? t('demoClock.notToday', { date: clock.date }) : t('demoClock.today', { date: clock.date })}
        action={clock.nextDate && !readOnly ? (
          <Button size="small" type="primary" loading={busy} onClick={advance} data-testid="demo-clock-advance">{t('demoClock.advance', { date: clock.nextDate })}</Button>
        ) : undefined}
      />
      {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
    </>
  );
}
