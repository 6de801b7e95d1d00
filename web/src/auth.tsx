import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthenticated } from './api.ts';
import type { Me } from './types.ts';

interface Session {
  /** undefined while the first /me is on its way; null when nobody is signed in */
  me: Me | null | undefined;
  /** True after a deliberate sign-out: the next sign-in starts at its home, not at the page left behind. */
  signedOut: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    let live = true;
    // GET /session never answers 401, so a signed-out browser logs no error at start-up.
    api.get<{ signedIn: boolean; me: Me | null }>('/api/v1/session').then(
      (s) => live && setMe(s.signedIn ? s.me : null),
      () => live && setMe(null),
    );
    const off = onUnauthenticated(() => setMe(null));
    return () => {
      live = false;
      off();
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const m = await api.post<Me>('/api/v1/session', { username, password });
    setSignedOut(false);
    setMe(m);
    return m;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.delete('/api/v1/session');
    } finally {
      setSignedOut(true);
      setMe(null);
    }
  }, []);

  const value = useMemo(() => ({ me, signedOut, login, logout }), [me, signedOut, login, logout]);
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
