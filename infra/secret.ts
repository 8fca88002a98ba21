/**
 * The approval-link secret: taken from APPROVAL_SECRET, or generated once (256 random bits)
 * and kept in DATA_DIR/secret with owner-only permissions so links survive restarts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

export function resolveApprovalSecret(config: Config): string {
  if (config.approvalSecret) return config.approvalSecret;
  const file = path.join(config.dataDir, 'secret');
  if (existsSync(file)) {
    const value = readFileSync(file, 'utf8').trim();
    if (value.length >= 32) return value;
    throw new Error(`Tệp bí mật ${file} bị hỏng (ngắn hơn 32 ký tự). Hãy xóa tệp để tạo lại hoặc đặt APPROVAL_SECRET.`);
  }
  mkdirSync(config.dataDir, { recursive: true });
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, value + '\n', { mode: 0o600, flag: 'wx' });
  return value;
}
