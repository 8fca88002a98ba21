/** A unit's e-board playlist in the store and the page a display opens. */
import { escapeXml } from '../../render/sanitize.js';

export interface EBoardItem {
  campaignId: string;
  title: string;
  occasionDate: string;
  publishedAt: string;
  /** File name beside the playlist. */
  image: string;
}

export interface EBoardPlaylist {
  unit: string;
  unitName: string;
  items: EBoardItem[];
}

export const eboardKeys = {
  playlist: (unit: string) => `site/bang-tin/${unit}/playlist.json`,
  image: (unit: string, file: string) => `site/bang-tin/${unit}/${file}`,
};

/** Seconds each image stays on screen, and how often the display asks for new ones. */
export const SLIDE_SECONDS = 15;
export const REFRESH_SECONDS = 30;

/** The display page (refreshing its playlist every `refreshSeconds`): full screen, black, one image at a time; it reloads the playlist by itself. */
export function eboardPage(unit: string, unitName: string | undefined, refreshSeconds = REFRESH_SECONDS): string {
  const title = unitName ? `Bảng tin điện tử — ${unitName}` : 'Bảng tin điện tử';
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>html,body{margin:0;height:100%;background:#000;overflow:hidden;cursor:none}img{position:absolute;inset:0;width:100%;height:100%;object-fit:contain;opacity:0;transition:opacity 1s}img.on{opacity:1}p{color:#fff;font-family:"Be Vietnam Pro",system-ui,sans-serif;font-size:3vw;text-align:center;margin-top:40vh}</style>
</head>
<body data-playlist="/site/bang-tin/${escapeXml(unit)}/playlist.json">
<p id="empty">${escapeXml(title)}: chưa có nội dung trình chiếu.</p>
<script>
(function () {
  var url = document.body.getAttribute('data-playlist');
  var base = url.slice(0, url.lastIndexOf('/') + 1);
  var items = [];
  var shown = -1;
  var imgs = {};
  function show() {
    if (!items.length) return;
    shown = (shown + 1) % items.length;
    var it = items[shown];
    Object.keys(imgs).forEach(function (k) { imgs[k].className = k === it.image ? 'on' : ''; });
  }
  function load() {
    fetch(url, { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (p) {
      if (!p) return;
      var fresh = p.items.filter(function (i) { return !imgs[i.image]; });
      items = p.items;
      fresh.forEach(function (i) {
        var img = document.createElement('img');
        img.src = base + i.image;
        img.alt = i.title;
        imgs[i.image] = img;
        document.body.appendChild(img);
      });
      document.getElementById('empty').style.display = items.length ? 'none' : '';
      // A newly published campaign goes on screen at once.
      if (fresh.length) { shown = items.indexOf(fresh[fresh.length - 1]) - 1; show(); }
    }).catch(function () {});
  }
  load();
  setInterval(load, ${Math.round(refreshSeconds * 1000)});
  setInterval(show, ${SLIDE_SECONDS * 1000});
  if (document.documentElement.requestFullscreen) document.addEventListener('click', function () { document.documentElement.requestFullscreen().catch(function () {}); });
})();
</script>
</body>
</html>
`;
}
