import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';

/**
 * The localized headline of a problem; the server's detail goes underneath, except for a plain 404 (`cohort not
 * found`), which reads in the UI's language: a field's 404 keeps the server's text, which names what is missing.
 */
export function useProblemText() {
  const { t } = useTranslation();
  return (e: unknown): { title: string; detail: string } => {
    if (e instanceof ApiError) {
      const detail = e.code === 'not_found' && !e.field ? t('errors.notFoundDetail') : e.problem.detail;
      return { title: t(`errors.${e.code}`, { defaultValue: t('errors.http_error') }), detail };
    }
    return { title: t('errors.http_error'), detail: e instanceof Error ? e.message : String(e) };
  };
}

/** A whole page that could not load: 403/404 get their own pictures, the rest an error result with retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useProblemText()(error);
  const status = error instanceof ApiError ? error.status : 0;
  const kind = status === 403 ? '403' : status === 404 ? '404' : 'error';
  return (
    <Result
      status={kind}
      title={text.title}
      subTitle={text.detail}
      extra={onRetry && kind === 'error' ? <Button onClick={onRetry}>{t('errors.retry')}</Button> : undefined}
    />
  );
}

/** An inline problem above a form. */
export function ProblemAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const text = useProblemText()(error);
  return <Alert type="error" showIcon title={text.title} description={text.detail} closable={onClose ? { onClose } : false} style={{ marginBottom: 16 }} role="alert" />;
}
