import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthenticated } from './api.ts';
import type { Me } from './types.ts';

interface Session {
  /** undefined while the first /me is on its way; null when nobody is signed in */
  me: Me | null | undefined;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    api.get<Me>('/api/v1/me').then(
      (m) => live && setMe(m),
      (e) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) setMe(null);
        else setMe(null);
      },
    );
    const off = onUnauthenticated(() => setMe(null));
    return () => {
      live = false;
      off();
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const m = await api.post<Me>('/api/v1/session', { username, password });
    setMe(m);
    return m;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.delete('/api/v1/session');
    } finally {
      setMe(null);
    }
  }, []);

  const value = useMemo(() => ({ me, login, logout }), [me, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in account; only for pages under the signed-in layout. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
