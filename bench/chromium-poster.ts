/**
 * The "usual" way to make the same poster: an HTML page with the same text and the same
 * shipped font (via @font-face file URLs), screenshotted by headless Chromium. Used only by
 * the bench as a baseline.
 */
import { pathToFileURL } from 'node:url';
import type { ContentBrief } from '../domain/brief.js';
import { FONT_WEIGHTS, fontPath } from '../render/fonts.js';
import { infographicContent } from '../channels/infographic/render/content.js';
import { escapeXml } from '../render/sanitize.js';

/** Full HTML page (1080×1350) equivalent to the "poster" template. */
export function posterHtml(brief: ContentBrief): string {
  const c = infographicContent(brief);
  const e = (s: string | undefined) => escapeXml(s ?? '');
  const faces = FONT_WEIGHTS.map(
    (w) => `@font-face{font-family:"BVP";font-weight:${w};src:url("${pathToFileURL(fontPath(w)).href}") format("truetype");}`,
  ).join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
${faces}
*{box-sizing:border-box;margin:0;padding:0}
body{width:1080px;height:1350px;font-family:"BVP";background:#FDF6E9;color:#2B1B17;display:flex;flex-direction:column;overflow:hidden}
header{height:198px;background:linear-gradient(135deg,#7A0A10,#B3151D);border-bottom:8px solid #E3B23C;display:flex;align-items:center;gap:28px;padding:0 50px}
.emblem{width:116px;height:116px;border-radius:50%;background:#A3121A;border:8px solid #E3B23C;display:flex;align-items:center;justify-content:center;color:#F6D46E;font-size:64px}
.issuer{color:#FBE7A8;font-weight:700;font-size:32px;text-transform:uppercase;letter-spacing:.02em}
main{flex:1;display:flex;flex-direction:column;align-items:center;padding:34px 70px 0}
.occasion{color:#A3121A;font-weight:800;font-size:54px;text-transform:uppercase;text-align:center}
.date{margin-top:20px;background:linear-gradient(90deg,#C9961E,#F6D46E,#C9961E);color:#5E0A0E;font-weight:600;font-size:30px;padding:6px 36px;border-radius:30px}
.star{color:#B3151D;font-size:36px;margin:10px 0}
h1{color:#7E0C12;font-weight:800;font-size:60px;line-height:1.2;text-align:center;text-wrap:balance;min-height:300px;display:flex;align-items:center}
ul{margin-top:30px;width:960px;background:#fff;border:2px solid #E6C77A;border-radius:26px;padding:30px 40px 30px 100px;list-style:none}
li{font-size:32px;line-height:1.32;margin:10px 0;position:relative}
li::before{content:"★";color:#B3151D;position:absolute;left:-50px}
footer{height:130px;background:linear-gradient(135deg,#7A0A10,#B3151D);border-top:6px solid #E3B23C;text-align:center;padding-top:18px}
.res{color:#FBE7A8;font-weight:700;font-size:28px}.plan{color:#fff;font-size:23px;margin-top:8px}
</style></head><body>
<header><div class="emblem">★</div><div class="issuer">${e(c.fields.issuer[0])}</div></header>
<main><div class="occasion">${e(c.fields.occasion[0])}</div><div class="date">${e(c.fields.date[0])}</div><div class="star">★</div>
<h1>${e(c.fields.headline[0])}</h1>
<ul>${c.keyMessages.slice(0, 4).map((m) => `<li>${e(m)}</li>`).join('')}</ul></main>
<footer><div class="res">${e(c.fields.footerResolution[0])}</div><div class="plan">${e(c.fields.footerPlan[0])}</div></footer>
</body></html>`;
}
