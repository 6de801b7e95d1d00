/**
 * First start: `peixun serve --demo` on an empty data folder, from process start to the first answered request
 * (demo load included), as `npm start` does it on a fresh clone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function runStartBench(port = 3990 + Math.floor(Math.random() * 9)) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peixun-start-'));
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/peixun.js'), 'serve', '--demo'], {
    env: { ...process.env, PEIXUN_DATA: dataDir, PORT: String(port), DATABASE_URL: '' }, stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
      const answered = await fetch(`http://127.0.0.1:${port}/api/v1/public/institutions`).then((r) => r.ok, () => false);
      if (answered) return { seconds: (Date.now() - started) / 1000 };
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
