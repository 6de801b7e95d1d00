import { useEffect } from 'react';
import { App as AntApp, ConfigProvider, Spin, type ConfigProviderProps } from 'antd';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import enUSModule from 'antd/es/locale/en_US.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { SessionProvider, useSession } from './auth.tsx';
import { can, homeOf, type Ability } from './access.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage, ForbiddenPage } from './pages/NotFoundPage.tsx';
import { InstitutionListPage } from './pages/institutions/InstitutionListPage.tsx';
import { InstitutionDetailPage } from './pages/institutions/InstitutionDetailPage.tsx';
import { InstitutionFormPage } from './pages/institutions/InstitutionFormPage.tsx';
import { PersonListPage } from './pages/persons/PersonListPage.tsx';
import { PersonDetailPage } from './pages/persons/PersonDetailPage.tsx';
import { PersonFormPage } from './pages/persons/PersonFormPage.tsx';
import { PersonImportPage } from './pages/persons/PersonImportPage.tsx';
import { CohortListPage } from './pages/cohorts/CohortListPage.tsx';
import { CohortFormPage } from './pages/cohorts/CohortFormPage.tsx';
import { CohortDetailPage } from './pages/cohorts/CohortDetailPage.tsx';
import { WorkbenchPage } from './pages/workbench/WorkbenchPage.tsx';
import { PolicyListPage } from './pages/policy/PolicyListPage.tsx';
import { PolicyDetailPage } from './pages/policy/PolicyDetailPage.tsx';
import { CalculatorPage } from './pages/policy/CalculatorPage.tsx';
import { VoucherListPage } from './pages/vouchers/VoucherListPage.tsx';
import { MyVouchersPage } from './pages/trainee/MyVouchersPage.tsx';
import { MyCertificatesPage } from './pages/trainee/MyCertificatesPage.tsx';
import { PublicLayout } from './pages/public/PublicLayout.tsx';
import { CertificateCheckPage } from './pages/public/CertificateCheckPage.tsx';
import { PublicInstitutionsPage } from './pages/public/PublicInstitutionsPage.tsx';
import { ComplaintPage } from './pages/public/ComplaintPage.tsx';
import { ComplaintListPage } from './pages/complaints/ComplaintListPage.tsx';
import { PublicInspectionsPage } from './pages/public/PublicInspectionsPage.tsx';
import { InspectionListPage } from './pages/inspections/InspectionListPage.tsx';
import { ReferenceProvider } from './reference.tsx';
import { TechnicalDetailsProvider } from './components/TechnicalDetails.tsx';
import type { ReactNode } from 'react';

// antd's es/ files are ES modules, but TypeScript (NodeNext) reads them as CommonJS: unwrap either way.
type Locale = NonNullable<ConfigProviderProps['locale']>;
const unwrap = (m: unknown): Locale => ((m as { default?: Locale }).default ?? m) as Locale;
const zhCN = unwrap(zhCNModule);
const enUS = unwrap(enUSModule);

function RequireSession({ children }: { children: ReactNode }) {
  const { me, signedOut } = useSession();
  const location = useLocation();
  if (me === undefined) return <Spin size="large" fullscreen />;
  // An expired session comes back to where it was; a deliberate sign-out (maybe for another account) does not.
  if (me === null) return <Navigate to="/login" replace state={signedOut ? null : { from: location.pathname + location.search }} />;
  return children;
}

function Allowed({ ability, children }: { ability: Ability | Ability[]; children: ReactNode }) {
  const { me } = useSession();
  const abilities = Array.isArray(ability) ? ability : [ability];
  return abilities.some((a) => can(me, a)) ? children : <ForbiddenPage />;
}

function Home() {
  const { me } = useSession();
  return me ? <Navigate to={homeOf(me)} replace /> : null;
}

function LoginRoute() {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <Spin size="large" fullscreen />;
  const from = (location.state as { from?: string } | null)?.from;
  if (me) return <Navigate to={from && from !== '/' ? from : homeOf(me)} replace />;
  return <LoginPage />;
}

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
    document.documentElement.lang = zh ? 'zh-CN' : 'en';
  }, [zh]);
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        <SessionProvider>
          <ReferenceProvider>
            <TechnicalDetailsProvider>
              <BrowserRouter>
                <Routes>
                  <Route path="/login" element={<LoginRoute />} />
                  <Route path="public" element={<PublicLayout />}>
                    <Route index element={<Navigate to="/public/certificates" replace />} />
                    <Route path="certificates" element={<CertificateCheckPage />} />
                    <Route path="certificates/:number" element={<CertificateCheckPage />} />
                    <Route path="institutions" element={<PublicInstitutionsPage />} />
                    <Route path="complaints" element={<ComplaintPage />} />
                    <Route path="inspections" element={<PublicInspectionsPage />} />
                    <Route path="complaints/:code" element={<ComplaintPage />} />
                  </Route>
                  <Route element={<RequireSession><AppLayout /></RequireSession>}>
                    <Route index element={<Home />} />
                    <Route path="institutions" element={<Allowed ability={['institution.list', 'institution.own']}><InstitutionListPage /></Allowed>} />
                    <Route path="institutions/new" element={<Allowed ability="institution.create"><InstitutionFormPage /></Allowed>} />
                    <Route path="institutions/:id" element={<InstitutionDetailPage />} />
                    <Route path="institutions/:id/edit" element={<Allowed ability="institution.update"><InstitutionFormPage /></Allowed>} />
                    <Route path="persons" element={<Allowed ability="person.list"><PersonListPage /></Allowed>} />
                    <Route path="persons/new" element={<Allowed ability="person.create"><PersonFormPage /></Allowed>} />
                    <Route path="persons/import" element={<Allowed ability="person.import"><PersonImportPage /></Allowed>} />
                    <Route path="persons/:id" element={<PersonDetailPage />} />
                    <Route path="persons/:id/edit" element={<Allowed ability="person.update"><PersonFormPage /></Allowed>} />
                    <Route path="workbench" element={<Allowed ability="cohort.queue"><WorkbenchPage /></Allowed>} />
                    <Route path="cohorts" element={<Allowed ability={['cohort.list', 'cohort.own', 'cohort.evaluate']}><CohortListPage /></Allowed>} />
                    <Route path="cohorts/new" element={<Allowed ability="cohort.create"><CohortFormPage /></Allowed>} />
                    <Route path="cohorts/:id" element={<Allowed ability={['cohort.list', 'cohort.own', 'cohort.evaluate']}><CohortDetailPage /></Allowed>} />
                    <Route path="cohorts/:id/edit" element={<Allowed ability="cohort.create"><CohortFormPage /></Allowed>} />
                    <Route path="policies" element={<Allowed ability="policy.list"><PolicyListPage /></Allowed>} />
                    <Route path="policies/:id" element={<Allowed ability="policy.list"><PolicyDetailPage /></Allowed>} />
                    <Route path="subsidy/calc" element={<Allowed ability="subsidy.calc"><CalculatorPage /></Allowed>} />
                    <Route path="complaints" element={<Allowed ability="complaint.list"><ComplaintListPage /></Allowed>} />
                    <Route path="inspections" element={<Allowed ability="inspection.list"><InspectionListPage /></Allowed>} />
                    <Route path="vouchers" element={<Allowed ability="voucher.list"><VoucherListPage /></Allowed>} />
                    <Route path="my/vouchers" element={<Allowed ability="voucher.own"><MyVouchersPage /></Allowed>} />
                    <Route path="my/certificates" element={<Allowed ability="certificate.own"><MyCertificatesPage /></Allowed>} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Routes>
              </BrowserRouter>
            </TechnicalDetailsProvider>
          </ReferenceProvider>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
