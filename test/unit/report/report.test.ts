import { beforeAll, describe, expect, it } from 'vitest';
import { compileReport, NO_EVIDENCE, reportDuty, type ReportModel } from '../../../domain/report/index.js';
import type { Plan } from '../../../domain/plan/schema.js';
import { loadPlan } from '../../../infra/plan-store.js';
import { renderProgressPng, renderProgressSvg, renderReportDocx, renderReportHtml } from '../../../render/report/index.js';
import sharp from '../../../render/sharp.js';
import { readDocx } from '../../fixtures/schedules/docx-text.js';
import { LS_PLAN, lsEvidence } from '../../fixtures/schedules/evidence.js';

let plan: Plan;
let model: ReportModel;

beforeAll(async () => {
  plan = await loadPlan(LS_PLAN);
  model = compileReport(plan, lsEvidence(), reportDuty(plan, 'ls-bc-so-gddt'));
});

const figure = (key: string) => model.summary.find((s) => s.key === key)?.value;

describe('compileReport', () => {
  it('counts campaigns, versions, decisions, publications and broadcasts of the period', () => {
    expect(figure('campaigns')).toBe(1);
    expect(figure('draftVersions')).toBe(4);
    expect(figure('decisions')).toBe(4);
    expect(figure('posts')).toBe(1);
    expect(figure('briefings')).toBe(3);
    expect(figure('bulletinRuns')).toBe(2);
    expect(figure('broadcasts')).toBe(4);
    expect(figure('localities')).toBe(2);
    expect(figure('airMinutes')).toBe(10);
  });

  it('has the official header: issuing body, number placeholder, place and date, title with the plan', () => {
    expect(model.header.issuerLines).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN']);
    expect(model.header.numberLine).toBe('Số:        /BC-UBND');
    expect(model.header.placeDate).toBe('Lạng Sơn, ngày      tháng      năm 2026');
    expect(model.header.subtitle).toBe('Kết quả công tác truyền thông thực hiện Kế hoạch số 62/KH-UBND ngày 26/02/2026 của Ủy ban nhân dân tỉnh Lạng Sơn');
    expect(model.header.periodLine).toBe('Kỳ báo cáo: từ ngày 05/12/2025 đến ngày 04/06/2026');
    expect(model.closing.recipients).toEqual(['- UBND tỉnh Lạng Sơn;', '- Bộ Giáo dục và Đào tạo;', '- Lưu: VT.']);
    expect([model.closing.authority, model.closing.position]).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });

  it('lists each campaign with who decided what and when, and what it published', () => {
    expect(model.campaigns).toHaveLength(1);
    const c = model.campaigns[0]!;
    expect(c.occasion).toBe('Ngày Nhà giáo Việt Nam, ngày 20/11/2026');
    expect(c.versions).toBe(2);
    expect(c.decisions).toEqual([
      'Yêu cầu sửa — bien-tap@example.org, 10:00 ngày 01/03/2026 (phiên bản 1): "Sửa <script>alert(1)</script> tiêu đề"',
      'Phê duyệt — bien-tap@example.org, 10:00 ngày 02/03/2026 (phiên bản 2)',
    ]);
    expect(c.publications).toEqual([
      '1 bộ infographic đã công bố',
      '1 bài đăng trên cổng/trang thông tin điện tử',
      '1 lần cung cấp thông tin, gửi tới 3 lượt phóng viên',
      '2 lượt phát bản tin tại 2 đơn vị, tổng 6 phút',
    ]);
  });

  it('reports per task and channel, and says plainly where it holds no evidence', () => {
    const row = (task: string, channel: string) => model.taskRows.find((r) => r.taskNumber === task && r.channel === channel)!;
    expect(row('III.1', 'loudspeaker')).toMatchObject({ runs: 3, result: '4 lượt phát bản tin tại 2 đơn vị, tổng 10 phút', hasEvidence: true });
    expect(row('III.1', 'press')).toMatchObject({ runs: 0, result: 'Chưa có dữ liệu minh chứng trong hệ thống', hasEvidence: false });
    // The first row of a task spans its channels.
    const first = model.taskRows.filter((r) => r.taskNumber === 'III.1');
    expect(first[0]!.taskSpan).toBe(first.length);
    expect(first.slice(1).every((r) => r.taskSpan === 0)).toBe(true);
    expect(model.series).toEqual([
      expect.objectContaining({ runs: 2, bulletins: 2, localities: 1, airMinutes: 4, messages: ['Giáo dục và đào tạo là quốc sách hàng đầu.', 'Đột phá phát triển giáo dục và đào tạo.'] }),
    ]);
  });

  it('gives targets served by active tasks their evidence and every other target the no-evidence sentence', () => {
    const served = model.targets.filter((t) => t.hasEvidence);
    const unserved = model.targets.filter((t) => !t.hasEvidence);
    expect(served.length).toBeGreaterThan(0);
    expect(unserved.length).toBeGreaterThan(0);
    for (const t of unserved) expect(t.evidence).toBe(NO_EVIDENCE);
    expect(served[0]!.evidence).toContain('Hoạt động truyền thông liên quan');
  });

  it('reports nothing of work outside the duty\'s tasks', () => {
    const narrow = compileReport(plan, lsEvidence(), reportDuty(plan, 'ls-bc-nganh-bo-gddt'));
    expect(narrow.campaigns).toEqual([]);
    expect(narrow.taskRows.every((r) => r.taskNumber === 'III.2')).toBe(true);
    expect(narrow.closing.recipients).toEqual(['- Bộ Giáo dục và Đào tạo;', '- Lưu: VT.']);
  });
});

describe('report outputs', () => {
  it('DOCX: a Word package with the header, the plan number, the counts and the tables', async () => {
    const doc = readDocx(await renderReportDocx(model));
    expect(doc.parts).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const text = doc.paragraphs.join('\n');
    for (const line of ['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số:        /BC-UBND', 'BÁO CÁO', 'I. KẾT QUẢ THỰC HIỆN', 'II. ĐỐI CHIẾU VỚI MỤC TIÊU CỦA KẾ HOẠCH', 'III. ĐỀ XUẤT, KIẾN NGHỊ', 'Nơi nhận:', 'PHÓ CHỦ TỊCH', NO_EVIDENCE]) {
      expect(text).toContain(line);
    }
    expect(text).toContain('Kế hoạch số 62/KH-UBND');
    const summary = doc.tables.find((t) => t[0]?.join('|') === 'TT|Nội dung|Số lượng')!;
    expect(summary.slice(1).map((r) => [r[1], r[2]])).toEqual(model.summary.map((s) => [s.label, `${s.value}${s.unit ? ` ${s.unit}` : ''}`]));
    // The hostile comment is text in the document, not markup.
    expect(doc.xml).not.toContain('<script>');
    expect(text).toContain('<script>alert(1)</script>');
  });

  it('HTML: the same content, escaped', () => {
    const html = renderReportHtml(model);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Kế hoạch số 62/KH-UBND');
    expect(html).toContain('<tr data-key="campaigns"><td class="num">1</td><td>Chiến dịch truyền thông</td><td class="num">1</td></tr>');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('infographic: a 1080×1350 PNG with the figures', async () => {
    const svg = renderProgressSvg(model);
    expect(svg).toContain('Thực hiện Kế hoạch số 62/KH-UBND');
    expect(svg).toMatch(/>4<\/text>\s*<text[^>]*>Lượt phát truyền thanh</);
    const meta = await sharp(await renderProgressPng(model)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1080, 1350]);
  });
});

describe('compileReport for a plan that names no lead body', () => {
  it('names no reporting body in the opening rather than a guessed one', () => {
    const { leadBody: _lead, ...rest } = plan;
    const model = compileReport(rest as Plan, lsEvidence());
    expect(model.intro[0]).toMatch(/^Thực hiện Kế hoạch số 62\/KH-UBND .*, báo cáo kết quả công tác truyền thông trong kỳ báo cáo/u);
    expect(model.intro[0]).not.toMatch(/undefined|Sở Giáo dục/u);
  });
});
