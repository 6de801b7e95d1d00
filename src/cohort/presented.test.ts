import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/stores.ts';
import { seedWorld, testApp } from '../test/fixtures.ts';
import { fire, readyDraft } from '../test/cohorts.ts';
import { canRenderPdf } from '../test/environment.ts';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'peixun-presented-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), pdf);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Who acted, as the pages show them: the accounts' display names, never their login names. */
const NAMES: Record<string, string> = {
  'institution-yq': '阳泉市城区惠民职业培训学校（张老师）',
  'county_admin-yq': '城区人社局',
};

describeStores('what a cohort page shows', (store) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    await seedWorld(store());
    for (const [username, name] of Object.entries(NAMES)) {
      await store().query(`UPDATE account SET display_name = $2 WHERE username = $1`, [username, name]);
    }
    t = await testApp(store());
    for (const u of Object.keys(NAMES)) await t.login(u);
  });
  const detail = async (user: string, id: string) => {
    const res = await t.app.inject({ url: `/api/v1/cohorts/${id}`, headers: t.as(user) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('names who acted in the history and who uploaded each document by display name, keeping the recorded login names', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 910, persons: 1 });
    expect((await fire(t, 'institution-yq', id, 'submit_opening')).statusCode).toBe(200);
    expect((await fire(t, 'county_admin-yq', id, 'approve_opening')).statusCode).toBe(200);
    const c = await detail('institution-yq', id);
    expect(c.events.map((e: any) => [e.action, e.actor, e.actorName])).toEqual([
      ['submit_opening', 'institution-yq', NAMES['institution-yq']],
      ['approve_opening', 'county_admin-yq', NAMES['county_admin-yq']],
    ]);
    expect(c.documents.length).toBeGreaterThan(0);
    expect(new Set(c.documents.map((d: any) => `${d.uploadedBy} ${d.uploadedByName}`))).toEqual(new Set([`institution-yq ${NAMES['institution-yq']}`]));
  });

  it.skipIf(!canRenderPdf)('prints the approving officer’s display name as 经办人 on the 开班申请表', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 920, persons: 1 });
    await fire(t, 'institution-yq', id, 'submit_opening');
    expect((await fire(t, 'county_admin-yq', id, 'approve_opening', '材料齐全，同意开班')).statusCode).toBe(200);
    const res = await t.app.inject({ url: `/api/v1/cohorts/${id}/forms/opening`, headers: t.as('institution-yq') });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain(`经办人：${NAMES['county_admin-yq']}`);
    expect(text).not.toContain('county_admin-yq');
  });

  it('carries the return a cohort stands in (reasons, who by name, when) until it is submitted again', async () => {
    const { id } = await readyDraft(t, { user: 'institution-yq', idBase: 930, persons: 1 });
    const fresh = await detail('institution-yq', id);
    expect(fresh.returned).toBeNull();
    await fire(t, 'institution-yq', id, 'submit_opening');
    const back = await fire(t, 'county_admin-yq', id, 'return_opening', '课程表缺少实操课时\n教师资格证明不清晰');
    expect(back.statusCode, back.body).toBe(200);
    const returned = await detail('institution-yq', id);
    expect(returned.state).toBe('draft');
    expect(returned.returned).toEqual({
      action: 'return_opening', reason: '课程表缺少实操课时\n教师资格证明不清晰', byName: NAMES['county_admin-yq'], role: 'county_admin',
      at: returned.events.at(-1).at,
    });
    expect((await detail('county_admin-yq', id)).returned).toMatchObject({ byName: NAMES['county_admin-yq'] });
    expect((await fire(t, 'institution-yq', id, 'submit_opening')).statusCode).toBe(200);
    expect((await detail('institution-yq', id)).returned).toBeNull();
  });
});
