import { useRef, useState, type ReactNode } from 'react';
import { Select } from 'antd';
import { api, query, type Page } from '../api.ts';
import type { Person } from '../types.ts';

/** Searches registered persons in the account's scope by name or ID number (GET /api/v1/persons?q=). */
function usePersonSearch(onError?: (e: unknown) => void, onFound?: (persons: Person[]) => void) {
  const [options, setOptions] = useState<Person[]>([]);
  const [loading, setLoading] = useState(false);
  // typing sends one search per key: only the newest answer counts
  const latest = useRef(0);
  const search = async (q: string) => {
    const n = ++latest.current;
    setLoading(true);
    try {
      const r = await api.get<Page<Person>>(`/api/v1/persons${query({ q: q.trim(), pageSize: 20 })}`);
      if (n !== latest.current) return;
      setOptions(r.items);
      onFound?.(r.items);
    } catch (e) {
      onError?.(e);
    } finally {
      if (n === latest.current) setLoading(false);
    }
  };
  return { options, loading, search };
}

const labelOf = (p: Person) => `${p.name}  ${p.idNumber}`;

/**
 * Picks a registered person in the account's scope by name or ID number.
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
  const { options, loading, search } = usePersonSearch(onError);
  const items = options.map((p) => ({ value: p.id, label: labelOf(p) }));
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

/**
 * Picks several registered persons at once, each search result with `hint` beside it (a screening, say);
 * `onFound` hears every search's persons, to fetch those hints. `exclude` leaves out who is already chosen
 * elsewhere (on the roster).
 */
export function PersonMultiSelect({ value, onChange, placeholder, exclude = [], hint, onFound, testId, width = 420, onError }: {
  value: Person[];
  onChange: (persons: Person[]) => void;
  placeholder: string;
  exclude?: string[];
  hint?: (p: Person) => ReactNode;
  onFound?: (persons: Person[]) => void;
  testId?: string;
  width?: number | string;
  onError?: (e: unknown) => void;
}) {
  const { options, loading, search } = usePersonSearch(onError, (found) => onFound?.(found.filter((p) => !exclude.includes(p.id))));
  const chosen = new Set(value.map((p) => p.id));
  // the chosen stay listed while a new search shows others, so their tags keep their names
  const listed = [...value, ...options.filter((p) => !chosen.has(p.id) && !exclude.includes(p.id))];
  const byId = new Map(listed.map((p) => [p.id, p]));

  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      onOpenChange={(open) => open && !options.length && void search('')}
      value={value.map((p) => p.id)}
      onChange={(ids: string[]) => onChange(ids.map((id) => byId.get(id)).filter((p): p is Person => !!p))}
      loading={loading}
      placeholder={placeholder}
      style={{ width, maxWidth: '100%' }}
      options={listed.map((p) => ({ value: p.id, label: p.name }))}
      optionRender={(o) => {
        const p = byId.get(String(o.value));
        return p ? (
          <div className="px-candidate" data-testid="candidate" data-person={p.id}>
            <div>{labelOf(p)}</div>
            {hint ? hint(p) : null}
          </div>
        ) : o.label;
      }}
      data-testid={testId}
    />
  );
}
