import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { PASSWORD, seedWorld, testApp, testClock } from '../test/fixtures.ts';

describeStores('sessions', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const clock = testClock();
  beforeAll(async () => {
    await seedWorld(store());
    t = await testApp(store(), clock);
  });

  it('signs in with the right password and answers /me with role and scope', async () => {
    const token = await t.login('county_admin-yq');
    expect(token.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    const me = await t.app.inject({ url: '/api/v1/me', headers: t.as('county_admin-yq') });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'county_admin-yq', role: 'county_admin', regionCode: '140302', cityCode: '140300' });
  });

  it('stores only the hash of the session token', async () => {
    const token = await t.login('reviewer-yq');
    const { rows } = await store().query(`SELECT token_hash FROM session`);
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('refuses anonymous calls with a 401 problem', async () => {
    const res = await t.app.inject({ url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const payload of [{ username: 'finance-yq', password: 'nope' }, { username: 'nobody', password: PASSWORD }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid_credentials');
    }
  });

  it('names the missing field of a bad sign-in body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation', field: 'password' });
  });

  it('locks the account after five failures, even for the right password, until the lock ends', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'inspector-yq', password: 'bad' }, remoteAddress: `10.0.0.${i}` });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'inspector-yq', password: 'bad' }, remoteAddress: '10.0.1.1' });
    expect(fifth.statusCode).toBe(401);
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'inspector-yq', password: PASSWORD }, remoteAddress: '10.0.1.2' });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'nobody-at-all', password: PASSWORD }, remoteAddress: '10.0.1.4' });
    // a locked account answers exactly like an unknown one: the reply tells nobody which accounts exist or are locked
    expect(right.statusCode).toBe(401);
    const body = (r: { json(): Record<string, unknown> }) => ({ ...r.json(), requestId: undefined }); // each request has its own id
    expect(body(right)).toEqual(body(unknown));
    expect(body(fifth)).toEqual(body(unknown));
    clock.advance(16 * 60_000);
    const later = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'inspector-yq', password: PASSWORD }, remoteAddress: '10.0.1.3' });
    expect(later.statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'nobody', password: 'x' }, remoteAddress: '10.9.9.9' });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[11]).toBe(429);
  });

  it('ends a session after 30 minutes idle', async () => {
    await t.login('finance-yq');
    clock.advance(29 * 60_000);
    expect((await t.app.inject({ url: '/api/v1/me', headers: t.as('finance-yq') })).statusCode).toBe(200);
    clock.advance(29 * 60_000); // active a minute ago: still alive
    expect((await t.app.inject({ url: '/api/v1/me', headers: t.as('finance-yq') })).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    expect((await t.app.inject({ url: '/api/v1/me', headers: t.as('finance-yq') })).statusCode).toBe(401);
  });

  it('ends a session after 12 hours however active it is', async () => {
    await t.login('city_admin-yq');
    for (let h = 0; h < 12 * 3; h++) {
      clock.advance(20 * 60_000);
      const r = await t.app.inject({ url: '/api/v1/me', headers: t.as('city_admin-yq') });
      if (h < 12 * 3 - 1) expect(r.statusCode).toBe(200);
      else expect(r.statusCode).toBe(401);
    }
  });

  it('signs out: the cookie no longer opens anything', async () => {
    await t.login('county_admin-hz');
    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: t.as('county_admin-hz') });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: t.as('county_admin-hz') })).statusCode).toBe(401);
  });

  it('spends about as long on an unknown account as on a wrong password (both verify one hash)', async () => {
    const time = async (username: string, i: number) => {
      const started = performance.now();
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: 'wrong-one' }, remoteAddress: `10.7.${i}.1` });
      expect(r.statusCode).toBe(401);
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const wrong: number[] = [];
    const unknown: number[] = [];
    // alternate, so that machine load hits both alike; reviewer2 is never locked: 3 failures only
    for (let i = 0; i < 3; i++) {
      wrong.push(await time('county_admin-yq2', i));
      unknown.push(await time(`nobody-${i}`, i + 10));
    }
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
  });

  it('sets the Secure cookie flag when the request came over HTTPS through a trusted proxy', async () => {
    const { buildApp } = await import('../app/app.ts');
    const app = await buildApp(t.ctx, { webDir: '/nonexistent', trustProxy: true });
    try {
      const login = (proto: string, ip: string) => app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'x-forwarded-proto': proto }, payload: { username: 'inspector-yq', password: PASSWORD }, remoteAddress: ip });
      const https = await login('https', '10.8.0.1');
      const http = await login('http', '10.8.0.2');
      expect(https.cookies.find((c) => c.name === 'peixun_session')?.secure).toBe(true);
      expect(http.cookies.find((c) => c.name === 'peixun_session')?.secure).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
