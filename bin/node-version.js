// The Node.js versions the product runs on, checked first by bin/start.js, bin/test.js and
// bin/campaign.js, before anything else is loaded. The range is package.json's `engines.node`:
// util.parseEnv needs 20.12, import.meta.dirname 20.11, and html-validate ^20.19 || ^22.16 || >=24.
// Plain JavaScript without newer syntax, so that an old Node.js still gets to print the message.
import { readFileSync } from 'node:fs';

/** The `engines.node` range of package.json, e.g. "^20.19.0 || ^22.16.0 || >=24.0.0". */
export function requiredNodeRange() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return pkg.engines.node;
}

function parse(version) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(version).trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function atLeast(v, min) {
  for (let i = 0; i < 3; i++) if (v[i] !== min[i]) return v[i] > min[i];
  return true;
}

/** The alternatives of a range: `^X.Y.Z` (same major, at least X.Y.Z) or `>=X.Y.Z`. */
function alternatives(range) {
  return range.split('||').map((part) => {
    const m = /^\s*(\^|>=)\s*v?(\d+\.\d+\.\d+)\s*$/.exec(part);
    if (!m) throw new Error(`engines.node: cannot read "${part.trim()}" (only ^X.Y.Z and >=X.Y.Z)`);
    return { kind: m[1], min: parse(m[2]) };
  });
}

/** True when `version` (e.g. "20.19.1" or "v22.16.0") is within `range`. */
export function satisfiesNode(version, range) {
  const v = parse(version);
  if (!v) return false;
  return alternatives(range).some(({ kind, min }) => (kind === '^' ? v[0] === min[0] && atLeast(v, min) : atLeast(v, min)));
}

function label(min) {
  return min[2] === 0 ? (min[1] === 0 ? `${min[0]}` : `${min[0]}.${min[1]}`) : min.join('.');
}

/** The range for people: "20.19 trở lên (dòng 20), 22.16 trở lên (dòng 22) hoặc 24 trở lên". */
export function describeNodeRange(range) {
  const parts = alternatives(range).map(({ kind, min }) => (kind === '^' ? `${label(min)} trở lên (dòng ${min[0]})` : `${label(min)} trở lên`));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} hoặc ${parts[parts.length - 1]}` : parts[0];
}

/** `{ ok: true }`, or `{ ok: false, message }` naming the required and the current version. */
export function checkNodeVersion(current = process.versions.node, range = requiredNodeRange()) {
  if (satisfiesNode(current, range)) return { ok: true };
  return {
    ok: false,
    message:
      `Truyền thông chiến dịch cần Node.js ${describeNodeRange(range)}; máy này đang chạy Node.js ${String(current).replace(/^v/, '')}.\n` +
      'Hãy cài Node.js phiên bản phù hợp (https://nodejs.org) rồi chạy lại lệnh.',
  };
}

/** Stops the process with the message (exit code 1) when this Node.js is outside the range. */
export function assertNodeVersion() {
  const result = checkNodeVersion();
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
}
