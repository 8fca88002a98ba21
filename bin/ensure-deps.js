// Shared by bin/start.js and bin/test.js: install npm dependencies on first run (visible progress).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');

export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const fresh = existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs);
  if (fresh) return;
  // `npm install` rather than `npm ci`: npm 11 leaves some optional platform packages (e.g.
  // @swc/core-darwin-*) out of the lock file and then refuses `npm ci` on it; with the lock
  // present, `npm install` still installs the locked versions.
  console.log('Lần chạy đầu: đang cài các gói npm (npm install)…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Cài gói npm thất bại; xem thông báo ở trên.');
    process.exit(result.status ?? 1);
  }
}
