import { useState } from 'react';
import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth.tsx';
import { useCounties } from '../hooks.ts';

/** The keyword box of a list page: typing edits, searching (enter or the button) applies the trimmed text. */
export function ListSearch({ value, placeholder, onSearch }: { value: string; placeholder: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim())}
      enterButton={t('common.search')}
      style={{ maxWidth: 360 }}
      aria-label={t('common.keyword')}
    />
  );
}

/** The county filter of a list page: shown only where the account's city has more than one county. */
export function RegionFilter({ placeholder, value, onChange }: { placeholder: string; value?: string; onChange: (code?: string) => void }) {
  const me = useMe();
  const counties = useCounties(me.cityCode);
  if (counties.length <= 1) return null;
  return (
    <Select
      allowClear
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      options={counties.map((r) => ({ value: r.code, label: r.name }))}
    />
  );
}
