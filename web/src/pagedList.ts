import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { query, type Page } from './api.ts';
import { useGet } from './hooks.ts';

const DEFAULT_PAGE_SIZE = 20;

type Patch = Record<string, string | number | undefined>;

/**
 * A paginated list whose filters, page and page size live in the query string: loads
 * `path?<filters>&page&pageSize` and gives what the filters and the table need.
 * `keys` name the filters (in the order they go to the server); a missing one reads as ''.
 */
export function usePagedList<T, K extends string = string>(path: string, keys: readonly K[]) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE;
  const { data, error, loading, reload } = useGet<Page<T>>(`${path}${query({ ...filters, page, pageSize })}`);

  /** Writes the patch into the query string; empty values (and page 1) leave it. */
  const update = (patch: Patch) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1)) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };
  /** value/onChange of a filter control: changing it goes back to the first page. */
  const filter = (key: K) => ({
    value: filters[key] || undefined,
    onChange: (v?: string) => update({ [key]: v, page: 1 }),
  });
  const pagination = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (n: number) => t('common.total', { count: n }),
    onChange: (p: number, s: number) => update({ page: s !== pageSize ? 1 : p, pageSize: s === DEFAULT_PAGE_SIZE ? undefined : s }),
  };
  /** The props every list table shares. */
  const table = {
    rowKey: 'id' as const,
    loading,
    dataSource: data?.items ?? [],
    scroll: { x: 'max-content' as const },
    pagination,
  };
  return { data, error, loading, reload, filters, page, pageSize, update, filter, pagination, table };
}
