import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { appendAudit, verifyAuditChain } from './store.ts';
import { canonicalJson } from './audit.ts';

it('hashes the same content the same way whatever the key order', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
});

describeStores('audit chain', (store) => {
  beforeAll(async () => {
    for (let i = 0; i < 5; i++) {
      await store().transaction((tx) => appendAudit(tx, {
        at: new Date(Date.UTC(2024, 10, 1, 0, i)), actorId: null, actor: 'tester', action: 'person.update', entity: 'person', entityId: `p${i}`,
        before: { name: '张三', n: i }, after: { name: '张三丰', n: i, nested: { z: 1, a: [1, 2] } },
      }));
    }
  });
  // Tampering needs the append-only trigger out of the way, as a database superuser could do.
  const tamper = (sql: string) => store().transaction(async (tx) => {
    await tx.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await tx.query(sql);
    await tx.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
  });

  it('an intact chain verifies', async () => {
    expect(await verifyAuditChain(store())).toEqual({ ok: true, entries: 5 });
  });

  it('the log refuses updates and deletes', async () => {
    await expect(store().query(`UPDATE audit_log SET actor = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(store().query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('an entry rolled back with its transaction leaves no trace in the chain', async () => {
    await expect(store().transaction(async (tx) => {
      await appendAudit(tx, { at: new Date(), actorId: null, actor: 'tester', action: 'x', entity: 'x', entityId: 'x' });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    expect(await verifyAuditChain(store())).toEqual({ ok: true, entries: 5 });
  });

  it('catches an altered entry and names it', async () => {
    await tamper(`UPDATE audit_log SET after = jsonb_set(after, '{name}', '"李四"') WHERE seq = 3`);
    expect(await verifyAuditChain(store())).toMatchObject({ ok: false, seq: 3 });
    await tamper(`UPDATE audit_log SET after = jsonb_set(after, '{name}', '"张三丰"') WHERE seq = 3`);
    expect(await verifyAuditChain(store())).toMatchObject({ ok: true });
  });

  it('catches a removed entry in the middle and at the end', async () => {
    const { rows } = await store().query(`SELECT * FROM audit_log WHERE seq IN (2, 5) ORDER BY seq`);
    await tamper(`DELETE FROM audit_log WHERE seq = 2`);
    expect(await verifyAuditChain(store())).toMatchObject({ ok: false, seq: 2 });
    await tamper(`DELETE FROM audit_log WHERE seq = 5`);
    const r = rows[0];
    await tamper(`INSERT INTO audit_log SELECT ${r.seq}, '${r.at}', NULL, '${r.actor}', '${r.action}', '${r.entity}', '${r.entity_id}', '${JSON.stringify(r.before)}', '${JSON.stringify(r.after)}', '${r.prev_hash}', '${r.hash}'`);
    expect(await verifyAuditChain(store())).toMatchObject({ ok: false, seq: 5, problem: expect.stringContaining('removed') });
  });
});
