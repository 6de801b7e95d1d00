import { Button } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { DemoClockBanner } from '../../components/DemoClockBanner.tsx';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';

/** The pages anyone may open without signing in; on a phone the links move to a row of their own. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <div className="px-public">
      <header className="px-header px-public-header">
        <Link to="/public/certificates" className="px-brand">
          <span className="px-brand-mark">训</span>
          <span>{t('app.name')}</span>
          <span className="px-brand-sub">{t('public.title')}</span>
        </Link>
        <nav className="px-public-nav">
          <NavLink to="/public/certificates">{t('public.certCheck')}</NavLink>
          <NavLink to="/public/institutions">{t('public.directory')}</NavLink>
          <NavLink to="/public/inspections">{t('public.inspections')}</NavLink>
          <NavLink to="/public/complaints">{t('public.complaints')}</NavLink>
        </nav>
        <span className="px-header-spacer" />
        <LanguageSelect />
        <Link to="/login"><Button type="text" icon={<LoginOutlined />}>{t('public.login')}</Button></Link>
      </header>
      <main className="px-public-body">
        <DemoClockBanner readOnly />
        <Outlet />
      </main>
    </div>
  );
}
