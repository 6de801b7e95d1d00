import { useState } from 'react';
import { Select } from 'antd';
import { api, query, type Page } from '../api.ts';
import type { Person } from '../types.ts';

/**
 * Picks a registered person in the account's scope by name or ID number (GET /api/v1/persons?q=).
 * `label` names the chosen one before any search has run (a filter restored from the address).
 */
export function PersonSelect({ value, onChange, placeholder, label, allowClear, testId, width = 320, onError }: {
  /** Optional inside a Form.Item, which supplies both. */
  value?: string;
  onChange?: (id: string | undefined, person: Person | undefined) => void;
  placeholder: string;
  label?: string;
  allowClear?: boolean;
  testId?: string;
  width?: number | string;
  onError?: (e: unknown) => void;
}) {
  const [options, setOptions] = useState<Person[]>([]);
  const [loading, setLoading] = useState(false);

  const search = async (q: string) => {
    setLoading(true);
    try {
      const r = await api.get<Page<Person>>(`/api/v1/persons${query({ q: q.trim(), pageSize: 20 })}`);
      setOptions(r.items);
    } catch (e) {
      onError?.(e);
    } finally {
      setLoading(false);
    }
  };
  const items = options.map((p) => ({ value: p.id, label: `${p.name}  ${p.idNumber}` }));
  if (value && !options.some((p) => p.id === value)) items.unshift({ value, label: label ?? value });

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      onOpenChange={(open) => open && !options.length && void search('')}
      value={value}
      onChange={(id?: string) => onChange?.(id, options.find((p) => p.id === id))}
      allowClear={allowClear}
      loading={loading}
      placeholder={placeholder}
      style={{ width }}
      options={items}
      data-testid={testId}
    />
  );
}
