import { useMemo, useState } from 'react';
import { Button, Drawer, Grid, Layout, Menu, Tooltip } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMe, useSession } from '../auth.tsx';
import { menuFor } from '../access.ts';
import { LanguageSelect } from '../components/LanguageSelect.tsx';
import { DemoClockBanner } from '../components/DemoClockBanner.tsx';

const { Header, Sider, Content } = Layout;

/** The menu key whose path matches the location best: exact first, then the longest prefix. */
function selectedKey(entries: { key: string; to: string }[], pathname: string): string | undefined {
  const exact = entries.find((e) => e.to === pathname);
  if (exact) return exact.key;
  return entries
    .filter((e) => pathname.startsWith(`${e.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.key;
}

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const entries = useMemo(() => menuFor(me).map((m) => ({ ...m, to: m.path(me) })), [me]);
  const selected = selectedKey(entries, location.pathname);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      style={{ borderInlineEnd: 'none' }}
      items={entries.map((e) => {
        const Icon = e.icon;
        return { key: e.key, icon: <Icon />, label: <Link to={e.to} onClick={() => setDrawerOpen(false)}>{t(e.label)}</Link> };
      })}
      data-testid="side-menu"
    />
  );

  const onLogout = async () => {
    await logout().catch(() => undefined);
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header className="px-header">
        {!wide && <Button type="text" icon={<MenuOutlined />} aria-label={t('app.menu')} onClick={() => setDrawerOpen(true)} />}
        <Link to="/" className="px-brand">
          <span className="px-brand-mark">训</span>
          <span>{t('app.name')}</span>
          <span className="px-brand-sub">{t('app.subtitle')}</span>
        </Link>
        <span className="px-header-spacer" />
        <LanguageSelect />
        <div className="px-user" data-testid="current-user">
          <span>{me.orgName ?? me.displayName}</span>
          <span className="px-user-role">
            {i18n.language === 'en' ? t(`roles.${me.role}`) : me.roleLabel}
            {me.orgName && me.orgName !== me.displayName ? ` · ${me.displayName}` : ''}
          </span>
        </div>
        <Tooltip title={t('app.logout')}>
          <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} aria-label={t('app.logout')} data-testid="logout" />
        </Tooltip>
      </Header>
      <Layout style={{ flex: 1 }}>
        {wide ? (
          <Sider width={200} theme="light" style={{ borderInlineEnd: '1px solid #eef0f3' }}>
            {menu}
          </Sider>
        ) : (
          <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={240} title={t('app.name')} styles={{ body: { padding: 0 } }}>
            {menu}
          </Drawer>
        )}
        <Content className="px-content">
          <DemoClockBanner />
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
