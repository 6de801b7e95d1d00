import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import type { Store } from '../app/store.ts';
import { appendAudit, chainHeads, verifyAgainstCheckpoint, verifyAuditChain } from './store.ts';
import { canonicalJson, entryHash, type AuditEntry } from './audit.ts';
import { checkpointProblem, signCheckpoint, type Checkpoint } from './checkpoint.ts';
import { ephemeralAuditKeys } from './keys.ts';

it('hashes the same content the same way whatever the key order', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
});

it('a checkpoint verifies only with the key that signed it, and not once altered', () => {
  const keys = ephemeralAuditKeys();
  const cp = signCheckpoint([{ cityCode: '140300', seq: 3, hash: 'abc' }], new Date('2026-12-01T00:00:00Z'), keys);
  expect(checkpointProblem(cp, keys)).toBeNull();
  expect(checkpointProblem({ ...cp, heads: [{ cityCode: '140300', seq: 2, hash: 'abc' }] }, keys)).toBe('the checkpoint’s signature does not verify');
  expect(checkpointProblem(cp, ephemeralAuditKeys())).toBe('the checkpoint was signed with another key than this store’s audit key');
  expect(checkpointProblem({ hello: 1 }, keys)).toBe('not a peixun audit checkpoint');
});

const CITIES = ['140300', '371700', '231200'];

describeStores('audit chains', (store, kind) => {
  const db = () => store() as Store;
  let checkpoint: Checkpoint;
  const entry = (cityCode: string, i: number) => ({
    cityCode, at: new Date(Date.UTC(2024, 10, 1, 0, i)), actorId: null, actor: 'tester', action: 'person.update', entity: 'person', entityId: `p${i}`,
    before: { name: '张三', n: i }, after: { name: '张三丰', n: i, nested: { z: 1, a: [1, 2] } },
  });
  beforeAll(async () => {
    for (let i = 1; i <= 4; i++) for (const city of CITIES) await db().transaction((tx) => appendAudit(tx, entry(city, i)));
    checkpoint = signCheckpoint(await chainHeads(db()), new Date('2024-11-02T00:00:00Z'), db().auditKeys);
    await db().exec(`CREATE TABLE audit_log_copy AS SELECT * FROM audit_log; CREATE TABLE audit_head_copy AS SELECT * FROM audit_chain_head`);
  });
  // Tampering as the database's superuser can: triggers out of the way. Each test starts from the intact chains.
  const tamper = (sql: string) => db().exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; ALTER TABLE audit_chain_head DISABLE TRIGGER USER;
    ${sql}; ALTER TABLE audit_log ENABLE TRIGGER USER; ALTER TABLE audit_chain_head ENABLE TRIGGER USER`);
  afterEach(() => tamper(`DELETE FROM audit_log; INSERT INTO audit_log SELECT * FROM audit_log_copy;
    DELETE FROM audit_chain_head; INSERT INTO audit_chain_head SELECT * FROM audit_head_copy`));
  const verdict = () => verifyAgainstCheckpoint(db(), checkpoint);

  it('intact chains verify, one per city, and against the checkpoint', async () => {
    expect(await verifyAuditChain(db())).toEqual({ ok: true, entries: 12, chains: 3 });
    expect(await verdict()).toEqual({ ok: true, entries: 12, chains: 3 });
    expect((await chainHeads(db())).map((h) => [h.cityCode, h.seq])).toEqual([['140300', 4], ['231200', 4], ['371700', 4]]);
  });

  it('the log refuses updates, deletes and TRUNCATE, and heads only move forward', async () => {
    await expect(db().query(`UPDATE audit_log SET actor = 'x' WHERE city_code = '140300' AND seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db().query(`DELETE FROM audit_log WHERE city_code = '140300' AND seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db().query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    await expect(db().query(`UPDATE audit_chain_head SET seq = 2 WHERE city_code = '140300'`)).rejects.toThrow(/only moves forward/);
    await expect(db().query(`DELETE FROM audit_chain_head WHERE city_code = '140300'`)).rejects.toThrow(/only moves forward/);
    await expect(db().query(`TRUNCATE audit_chain_head`)).rejects.toThrow(/append-only/);
    expect(await verdict()).toMatchObject({ ok: true });
  });

  it('an entry rolled back with its transaction leaves no trace in the chain', async () => {
    await expect(db().transaction(async (tx) => {
      await appendAudit(tx, entry('140300', 9));
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    expect(await verdict()).toEqual({ ok: true, entries: 12, chains: 3 });
  });

  it('writers racing on one city’s chain and on others each get their own place: every chain stays whole', async () => {
    // twenty at once on 阳泉 (each starting from the same remembered head) and ten on two other cities
    const racing = [...Array.from({ length: 20 }, () => '140300'), ...Array.from({ length: 10 }, (_, i) => CITIES[1 + (i % 2)])];
    await Promise.all(racing.map((city, i) => db().transaction((tx) => appendAudit(tx, entry(city, 20 + i)))));
    expect(await verifyAuditChain(db())).toEqual({ ok: true, entries: 12 + racing.length, chains: 3 });
    expect((await chainHeads(db())).map((h) => [h.cityCode, h.seq])).toEqual([['140300', 24], ['231200', 9], ['371700', 9]]);
    expect(await verdict()).toMatchObject({ ok: true });
  });

  it('tamper 1: TRUNCATE with the heads reset is caught by the checkpoint', async () => {
    await tamper(`TRUNCATE audit_log; DELETE FROM audit_chain_head`);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, entries: 0 }); // the chain alone cannot see it
    expect(await verdict()).toMatchObject({ ok: false, cityCode: '140300', seq: 4, problem: expect.stringContaining('is gone') });
  });

  it('tamper 2: deleting the tail and moving the head back is caught, naming the entry', async () => {
    await tamper(`DELETE FROM audit_log WHERE city_code = '371700' AND seq >= 3;
      UPDATE audit_chain_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE city_code = '371700' AND seq = 2) WHERE city_code = '371700'`);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
    expect(await verdict()).toMatchObject({ ok: false, cityCode: '371700', seq: 4, problem: expect.stringContaining('is gone') });
  });

  const rows = async (city: string) => (await db().query(`SELECT * FROM audit_log WHERE city_code = $1 ORDER BY seq`, [city])).rows;
  const asEntry = (r: any): AuditEntry => ({ cityCode: r.city_code, seq: Number(r.seq), at: r.at, actorId: r.actor_id, actor: r.actor, action: r.action,
    entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after, prevHash: r.prev_hash, hash: r.hash, keyed: r.keyed });
  const guessedKey = randomBytes(32); // the attacker's: the real key is not in the database

  it('tamper 3: a forged row appended after the head is caught, keyed or claiming to be legacy', async () => {
    const last = asEntry((await rows('231200')).at(-1));
    for (const keyed of [true, false]) {
      const forged = { ...last, seq: 5, prevHash: last.hash, actor: 'mallory', after: { name: '伪造' }, keyed };
      const hash = entryHash(forged, guessedKey);
      await tamper(`INSERT INTO audit_log (city_code, seq, at, actor_id, actor, action, entity, entity_id, before, after, prev_hash, hash, keyed)
        VALUES ('231200', 5, '${forged.at}', NULL, 'mallory', 'person.update', 'person', 'p9', NULL, '{"name":"伪造"}', '${last.hash}', '${hash}', ${keyed});
        UPDATE audit_chain_head SET seq = 5, hash = '${hash}' WHERE city_code = '231200'`);
      expect(await verdict()).toMatchObject({ ok: false, cityCode: '231200', seq: 5 });
      await tamper(`DELETE FROM audit_log WHERE city_code = '231200' AND seq = 5; UPDATE audit_chain_head SET seq = 4, hash = '${last.hash}' WHERE city_code = '231200'`);
    }
  });

  /** Rewrites a chain from `from` on, with every later entry re-hashed and re-linked, as an attacker would. */
  async function rehash(city: string, edit: (entries: AuditEntry[]) => AuditEntry[]) {
    const entries = edit((await rows(city)).map(asEntry));
    let prev = 'genesis';
    const sql = entries.map((e, i) => {
      const re = { ...e, seq: i + 1, prevHash: prev };
      const hash = entryHash(re, guessedKey);
      prev = hash;
      return `INSERT INTO audit_log (city_code, seq, at, actor_id, actor, action, entity, entity_id, before, after, prev_hash, hash, keyed)
        VALUES ('${city}', ${i + 1}, '${re.at}', NULL, '${re.actor}', '${re.action}', '${re.entity}', '${re.entityId}', '${JSON.stringify(re.before)}', '${JSON.stringify(re.after)}', '${re.prevHash}', '${hash}', true)`;
    });
    await tamper(`DELETE FROM audit_log WHERE city_code = '${city}'; ${sql.join('; ')}; UPDATE audit_chain_head SET seq = ${entries.length}, hash = '${prev}' WHERE city_code = '${city}'`);
  }

  it('tamper 4: an altered row with the rest re-hashed is caught, naming the entry', async () => {
    await rehash('140300', (es) => es.map((e) => (e.seq === 2 ? { ...e, after: { name: '李四' } } : e)));
    expect(await verdict()).toMatchObject({ ok: false, cityCode: '140300', seq: 4, problem: expect.stringContaining('rewritten') });
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, cityCode: '140300', seq: 1, problem: expect.stringContaining('forged') });
  });

  it('tamper 5: a deleted row with the rest re-hashed is caught, naming the entry', async () => {
    await rehash('371700', (es) => es.filter((e) => e.seq !== 2));
    expect(await verdict()).toMatchObject({ ok: false, cityCode: '371700', seq: 4, problem: expect.stringContaining('is gone') });
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, cityCode: '371700', seq: 1 });
  });

  it.runIf(kind === 'postgres')('the application role may append but not update, delete or truncate audit rows', async () => {
    const role = `peixun_app_${randomBytes(4).toString('hex')}`;
    const { rows: [{ schema }] } = await db().query(`SELECT current_schema() AS schema`);
    const { restrictAppRole } = await import('./role.ts');
    await db().exec(`CREATE ROLE ${role}`);
    try {
      await restrictAppRole(db(), role);
      await db().transaction(async (tx) => {
        await tx.query(`SET LOCAL ROLE ${role}`);
        await appendAudit(tx, entry('140300', 5));
        await tx.query(`SAVEPOINT s`);
        for (const sql of [`UPDATE audit_log SET actor = 'x'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`, `DELETE FROM audit_chain_head`]) {
          await expect(tx.query(sql), sql).rejects.toThrow(/permission denied/);
          await tx.query(`ROLLBACK TO SAVEPOINT s`);
        }
        throw new Error('rollback');
      }).catch((e) => { if (e.message !== 'rollback') throw e; });
    } finally {
      await db().exec(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
    }
    expect(schema).toMatch(/^t_/);
  });
});
