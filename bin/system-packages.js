// System programs from Debian's packages, installed when missing and we may (root + apt-get).
// The product needs some at run time (`npm start`): tesseract and poppler to import plans from
// PDFs and scans, espeak-ng and ffmpeg for the audio bulletins of smart loudspeakers. The test
// suite needs those and a browser for the dashboard tests.
import { spawnSync } from 'node:child_process';

const has = (cmd, args = ['--version']) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

const needs = [
  {
    what: 'tesseract-ocr với tiếng Việt (nhập kế hoạch từ bản quét; đọc lại chữ trên infographic)',
    ok: () => has('tesseract', ['--list-langs']) && /\bvie\b/.test(spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout ?? ''),
    packages: ['tesseract-ocr', 'tesseract-ocr-vie'],
  },
  { what: 'Chromium (kiểm thử giao diện trong trình duyệt thật)', ok: () => has('/usr/bin/chromium'), packages: ['chromium'], testsOnly: true },
  { what: 'poppler-utils: pdftotext, pdftoppm, pdfinfo (nhập kế hoạch từ tệp PDF, kể cả bản quét)', ok: () => has('pdftotext', ['-v']) && has('pdftoppm', ['-v']) && has('pdfinfo', ['-v']), packages: ['poppler-utils'] },
  { what: 'espeak-ng: giọng đọc tiếng Việt cho bản tin âm thanh của loa thông minh', ok: () => has('espeak-ng', ['--version']), packages: ['espeak-ng'] },
  { what: 'ffmpeg: ghép, chuẩn hóa độ lớn và mã hóa MP3 bản tin âm thanh', ok: () => has('ffmpeg', ['-version']) && has('ffprobe', ['-version']), packages: ['ffmpeg'] },
];

/** Installs what is missing; `forTests` adds what only the test suite uses. */
export function ensureSystemPackages({ forTests = true } = {}) {
  const missing = needs.filter((n) => (forTests || !n.testsOnly) && !n.ok());
  if (missing.length === 0) return;
  const packages = missing.flatMap((n) => n.packages);
  const canInstall = process.getuid?.() === 0 && has('apt-get', ['--version']);
  if (!canInstall) {
    console.error(
      `Thiếu chương trình hệ thống${forTests ? ' cho bộ kiểm thử' : ''}:\n${missing.map((n) => `  - ${n.what}`).join('\n')}\n` +
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
