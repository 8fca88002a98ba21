// System programs the test suite uses (OCR to read infographics back and to import scanned
// plans, a browser for the dashboard tests, poppler to read PDF plans). Installed from Debian's
// packages when missing and we may (root + apt-get).
import { spawnSync } from 'node:child_process';

const has = (cmd, args = ['--version']) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

const needs = [
  {
    what: 'tesseract-ocr với tiếng Việt (đọc lại chữ trên infographic)',
    ok: () => has('tesseract', ['--list-langs']) && /\bvie\b/.test(spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout ?? ''),
    packages: ['tesseract-ocr', 'tesseract-ocr-vie'],
  },
  { what: 'Chromium (kiểm thử giao diện trong trình duyệt thật)', ok: () => has('/usr/bin/chromium'), packages: ['chromium'] },
  { what: 'poppler-utils: pdftotext, pdftoppm, pdfinfo (nhập kế hoạch từ tệp PDF, kể cả bản quét)', ok: () => has('pdftotext', ['-v']) && has('pdftoppm', ['-v']) && has('pdfinfo', ['-v']), packages: ['poppler-utils'] },
];

export function ensureSystemPackages() {
  const missing = needs.filter((n) => !n.ok());
  if (missing.length === 0) return;
  const packages = missing.flatMap((n) => n.packages);
  const canInstall = process.getuid?.() === 0 && has('apt-get', ['--version']);
  if (!canInstall) {
    console.error(
      `Thiếu chương trình hệ thống cho bộ kiểm thử:\n${missing.map((n) => `  - ${n.what}`).join('\n')}\n` +
        `Hãy cài bằng: sudo apt-get install -y ${packages.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`Lần chạy đầu: đang cài gói hệ thống ${packages.join(', ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`apt-get ${args[0]} thất bại (mã ${r.status}).`);
      process.exit(1);
    }
  }
}
