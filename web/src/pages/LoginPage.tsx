import { useState } from 'react';
import { Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../auth.tsx';
import { ProblemAlert } from '../components/Problem.tsx';
import { LanguageSelect } from '../components/LanguageSelect.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
      // the login route redirects once the session is known
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <div className="px-login">
      <Card className="px-login-card">
        <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
          <span className="px-brand">
            <span className="px-brand-mark">训</span>
            <span>{t('app.name')}</span>
          </span>
          <span style={{ flex: 1 }} />
          <LanguageSelect />
        </div>
        <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
        <Typography.Title level={4} style={{ marginTop: 0 }}>{t('login.title')}</Typography.Title>
        {error ? <ProblemAlert error={error} /> : null}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
        </Form>
        <div className="px-login-links" data-testid="public-links">
          <Typography.Text type="secondary">{t('public.links')}</Typography.Text>
          <Link to="/public/certificates">{t('public.certCheck')}</Link>
          <Link to="/public/institutions">{t('public.directory')}</Link>
        </div>
      </Card>
    </div>
  );
}
