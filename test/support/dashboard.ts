/**
 * The whole product for browser tests: a worker and the web server with the editors'
 * dashboard on the shared real services (Temporal, object store, SMTP with inbox API), plus
 * headless Chromium (Debian's `chromium` driven by playwright-core) and axe-core helpers.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { Endpoints } from '../../infra/config.js';
import { temporalGateway } from '../../infra/campaign-gateway.js';
import { S3ObjectStore } from '../../infra/s3.js';
import { createMailTransport } from '../../infra/smtp.js';
import { createApp } from '../../web/app.js';
import type { Editor } from '../../web/dashboard/index.js';
import { startWebServer } from '../../web/server.js';
import { waitFor } from './campaign.js';
import { waitForEmails } from './mailbox.js';
import { freePort } from './ports.js';
import { connectClient, startTestWorker } from './temporal.js';

const require = createRequire(import.meta.url);
export const ARTIFACTS = path.join(import.meta.dirname, '..', '..', 'test-artifacts', 'dashboard');

/** `settings`: configuration of this product beyond the shared services (as `npm start` would read it). */
export async function startDashboardProduct(shared: Endpoints, editors: Editor[], settings: Pick<Endpoints, 'socialAccountsFile'> = {}) {
  const port = await freePort();
  const taskQueue = `it-dashboard-${randomUUID().slice(0, 8)}`;
  const endpoints: Endpoints = { ...shared, ...settings, taskQueue, publicBaseUrl: `http://127.0.0.1:${port}` };
  // The worker knows the same people as the dashboard: approval emails greet them by name.
  const worker = await startTestWorker(endpoints, taskQueue, { editors });
  const gateway = temporalGateway(endpoints);
  const mailer = createMailTransport(endpoints.smtpUrl);
  const app = createApp({ endpoints, store: S3ObjectStore.fromSettings(endpoints.s3), campaigns: gateway, dashboard: { client: gateway.client, editors, mailer } });
  const web = await startWebServer(app, '127.0.0.1', port);
  const temporal = await connectClient(endpoints);
  return {
    endpoints,
    taskQueue,
    client: temporal.client,
    base: endpoints.publicBaseUrl,
    async stop() {
      await web.stop();
      await worker.stop().catch(() => undefined);
      await gateway.close();
      await temporal.close();
      mailer.close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The sign-in link in the newest sign-in email to `address`. */
export async function signInLink(endpoints: Endpoints, address: string): Promise<string> {
  const mails = await waitFor(async () => {
    // A sign-in link asked for, or the one an invitation carries ("Lời mời làm … trên bảng điều khiển truyền thông").
    const found = (await waitForEmails(endpoints, address, 1, 1_000)).filter((m) => m.subject === 'Liên kết đăng nhập bảng điều khiển truyền thông' || /^Lời mời làm .+ trên bảng điều khiển truyền thông$/.test(m.subject ?? ''));
    return found.length ? found : undefined;
  }, 30_000, `sign-in email to ${address}`);
  const newest = mails.sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0)).at(-1);
  const m = /(https?:\/\/\S+\/sign-in\/[A-Za-z0-9_-]{43})/.exec(newest?.text ?? '');
  if (!m) throw new Error(`no sign-in link in the email to ${address}`);
  return m[1]!;
}

export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's strict CSP (nonce-only scripts) stays on.
  // In-page code is passed as text: this project compiles without the DOM library.
  if (!(await page.evaluate("'axe' in window"))) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)")) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A screenshot of each preview frame as it shows in the window (full-page screenshots do not
 * always repaint the inside of frames): `<name>-1.png`, `<name>-2.png`, …
 */
export async function frameScreenshots(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const frames = await page.locator('iframe').all();
  for (const [i, frame] of frames.entries()) await frame.screenshot({ path: path.join(ARTIFACTS, `${name}-${i + 1}.png`) });
}

export interface PageImage {
  /** `page`, or the title of the iframe the image is in. */
  frame: string;
  src: string;
  loaded: boolean;
}

// In-page code is passed as text: this project compiles without the DOM library. Each image is
// brought into view (lazy ones start loading then) and waited for until it loaded or failed, at
// most 20 s each: one that never finishes counts as not loaded.
const SETTLED_IMAGES = `(async () => {
  const out = [];
  for (const img of Array.from(document.images)) {
    img.scrollIntoView({ block: 'center' });
    const settled = img.complete ? Promise.resolve() : new Promise((r) => { img.addEventListener('load', r, { once: true }); img.addEventListener('error', r, { once: true }); });
    await Promise.race([settled, new Promise((r) => setTimeout(r, 20000))]);
    out.push({ src: (img.currentSrc || img.src).slice(0, 120), loaded: img.complete && img.naturalWidth > 0 });
  }
  // Back to the top, so a screenshot shows what a person sees first.
  window.scrollTo(0, 0);
  return out;
})()`;

async function settledImages(frame: Frame, name: string): Promise<PageImage[]> {
  const found = (await frame.evaluate(SETTLED_IMAGES)) as { src: string; loaded: boolean }[];
  return found.map((i) => ({ frame: name, ...i }));
}

/**
 * Every image of the page and of each iframe in it (each brought into view first, so lazy
 * ones load too), with whether it really loaded (complete, naturalWidth > 0).
 */
export async function imagesOf(page: Page): Promise<PageImage[]> {
  const out = await settledImages(page.mainFrame(), 'page');
  for (const iframe of await page.locator('iframe').elementHandles()) {
    const title = (await iframe.getAttribute('title')) ?? 'iframe';
    await iframe.scrollIntoViewIfNeeded();
    const frame = await iframe.contentFrame();
    if (!frame) throw new Error(`the frame "${title}" has no document`);
    await frame.waitForLoadState('load');
    out.push(...(await settledImages(frame, title)));
  }
  await page.evaluate('window.scrollTo(0, 0)');
  return out;
}
