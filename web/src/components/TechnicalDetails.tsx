import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Rule ids, parameter keys and pack ids are for whoever asked for them: an officer reads the Chinese text and
 * its citation; the 技术细节 switch shows the identifiers beside them. One setting for the open app, off at
 * every start, so that turning it on in one place shows the same detail in the next.
 */
const TechnicalContext = createContext<{ on: boolean; set: (on: boolean) => void }>({ on: false, set: () => undefined });

export function TechnicalDetailsProvider({ children }: { children: ReactNode }) {
  const [on, set] = useState(false);
  const value = useMemo(() => ({ on, set }), [on]);
  return <TechnicalContext.Provider value={value}>{children}</TechnicalContext.Provider>;
}

export const useTechnicalDetails = () => useContext(TechnicalContext).on;

/** The 技术细节 switch, placed beside the explanation it affects. */
export function TechnicalSwitch() {
  const { t } = useTranslation();
  const { on, set } = useContext(TechnicalContext);
  return (
    <Space size={6} className="px-tech-switch">
      <Switch size="small" checked={on} onChange={set} aria-label={t('common.technical')} data-testid="technical-switch" />
      <Typography.Text type="secondary">{t('common.technical')}</Typography.Text>
    </Space>
  );
}

/** An identifier shown only with 技术细节 on (in code style, so it reads as one). */
export function TechnicalId({ children, prefix }: { children: ReactNode; prefix?: ReactNode }) {
  const on = useTechnicalDetails();
  if (!on || children === null || children === undefined || children === '') return null;
  return <>{prefix}<Typography.Text code className="px-tech-id" data-testid="technical-id">{children}</Typography.Text></>;
}
