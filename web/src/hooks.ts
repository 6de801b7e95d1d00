import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { api, ApiError, type Page } from './api.ts';
import type { Occupation, Region } from './types.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads `path` (GET) whenever it changes; null waits. */
export function useGet<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: !!path });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api.get<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (e) => live && setState({ error: e instanceof ApiError ? e : new ApiError({ status: 0, code: 'internal', detail: String(e) }), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/**
 * Calls `reload` whenever `dep` changes after the first render: a panel that loads its own data refreshes
 * when the record it belongs to was reloaded (a cohort after a transition).
 */
export function useReloadOn(dep: unknown, reload: () => void) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [dep, reload]);
}

const cache = new Map<string, Promise<unknown>>();
/** A GET whose answer does not change while the page is open (regions). */
function useCached<T>(path: string | null): T | undefined {
  const [data, setData] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!path) return;
    let live = true;
    let p = cache.get(path) as Promise<T> | undefined;
    if (!p) {
      p = api.get<T>(path);
      cache.set(path, p);
      p.catch(() => cache.delete(path));
    }
    p.then((d) => live && setData(d), () => undefined);
    return () => {
      live = false;
    };
  }, [path]);
  return data;
}

/** The counties of the signed-in account's city (GET /api/v1/regions), without the city itself. */
export function useCounties(cityCode: string | undefined): Region[] {
  const data = useCached<{ items: Region[] }>(cityCode ? `/api/v1/regions?parent=${cityCode}` : null);
  return (data?.items ?? []).filter((r) => r.code !== cityCode);
}

/** code → name for the account's city and its counties. */
export function useRegionNames(cityCode: string | undefined): (code: string | null | undefined) => string {
  const data = useCached<{ items: Region[] }>(cityCode ? `/api/v1/regions?parent=${cityCode}` : null);
  const names = new Map((data?.items ?? []).map((r) => [r.code, r.name]));
  return (code) => (code ? (names.get(code) ?? code) : '');
}

/** The occupation catalogue with the city's marks (GET /api/v1/occupations), loaded once. */
export function useOccupations(): Occupation[] | undefined {
  return useCached<Page<Occupation>>('/api/v1/occupations')?.items;
}

/**
 * Puts a server problem on the form field it names (`venues.0.areaM2` → ['venues', 0, 'areaM2']).
 * Returns true when a field took it; the caller shows the rest.
 */
export function showOnField(form: FormInstance, e: unknown, known: (string | number)[][] = []): boolean {
  if (!(e instanceof ApiError) || !e.field) return false;
  const name = e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const registered = form.getFieldsError().some((f) => sameName(f.name, name)) || known.some((k) => sameName(k, name));
  if (!registered) return false;
  form.setFields([{ name, errors: [e.fieldMessage] }]);
  form.scrollToField(name, { block: 'center' });
  return true;
}

const sameName = (a: (string | number)[], b: (string | number)[]) => a.length === b.length && a.every((x, i) => x === b[i]);
