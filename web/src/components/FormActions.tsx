import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** Save and cancel under a form (cancel goes back where the user came from). */
export function FormActions({ busy, flush = false }: { busy: boolean; /** inside a spaced column: no top margin */ flush?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Space style={flush ? undefined : { marginTop: 16 }}>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="submit">{t('common.save')}</Button>
      <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
    </Space>
  );
}
