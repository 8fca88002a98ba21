/** The e-board's draft preview for the approval page and the dashboard: the screen image as a display shows it. */
import type { ContentBrief } from '../../domain/brief.js';
import { escapeXml } from '../../render/sanitize.js';

/** The screen image beside the preview (same name as `campaign render eBoard` writes). */
export const EBOARD_PREVIEW_IMAGE = 'bang-tin.png';

/** `page`: the unit's e-board address, when known (not on a machine without the service). */
export function eboardPreviewHtml(brief: Pick<ContentBrief, 'headline' | 'issuer'>, page: string | undefined, hasImage: boolean): string {
  const image = hasImage
    ? `<img src="${EBOARD_PREVIEW_IMAGE}" alt="Ảnh trình chiếu trên bảng tin điện tử: ${escapeXml(brief.headline)}" width="1920" height="1080">`
    : '<p>Chưa có ảnh trình chiếu (mẫu ngang 1920×1080) của phiên bản này.</p>';
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Bảng tin điện tử: ${escapeXml(brief.headline)}</title>
<style>body{font-family:"Be Vietnam Pro","Noto Sans",system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}.screen{background:#111;padding:0.75rem;border-radius:0.5rem}img{display:block;width:100%;height:auto}</style>
</head>
<body>
<p>Ảnh ngang 1920×1080 trên bảng tin điện tử của ${escapeXml(brief.issuer)}, như màn hình sẽ trình chiếu${page ? ` (trang trình chiếu: ${escapeXml(page)})` : ''}.</p>
<div class="screen">${image}</div>
</body>
</html>
`;
}
