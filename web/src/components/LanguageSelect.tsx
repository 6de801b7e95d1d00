import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.ts';

/** The language switch of every header (the choice is remembered by setLanguage). */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      size="small"
      variant="borderless"
      value={(i18n.language === 'en' ? 'en' : 'zh-CN') as Language}
      onChange={(v) => setLanguage(v)}
      options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      prefix={<GlobalOutlined />}
      aria-label={t('app.language')}
      popupMatchSelectWidth={false}
    />
  );
}
