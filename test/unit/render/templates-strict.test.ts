import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderApprovalRequest } from '../../../activities/campaign/approval.js';
import { compileReport, reportDuty, type ReportModel } from '../../../domain/report/index.js';
import { loadPlan } from '../../../infra/plan-store.js';
import { renderBriefingTemplate } from '../../../channels/press-briefing/render/templates.js';
import { renderTemplateFile } from '../../../channels/infographic/render/handlebars.js';
import { renderSiteTemplate } from '../../../channels/web-portal/render/templates.js';
import { renderReportHtml } from '../../../render/report/index.js';
import { SCRIPT_TEMPLATE, renderTextTemplate } from '../../../channels/loudspeaker/render/templates.js';
import { buildScriptView } from '../../../channels/loudspeaker/render/view.js';
import { loadTemplateFolder, TemplateRenderError } from '../../../render/template-folder.js';
import { renderPage, renderWebTemplate } from '../../../web/views.js';
import { langSonTeachersDay } from '../../fixtures/briefs.js';
import { LS_PLAN, lsEvidence } from '../../fixtures/schedules/evidence.js';
import { localities } from '../../fixtures/speech/seed-briefs.js';

/** The error `render` throws: which template, which field. */
function failure(render: () => unknown): TemplateRenderError {
  try {
    render();
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateRenderError);
    return err as TemplateRenderError;
  }
  throw new Error('expected the template to refuse the view model');
}

/** Drops `key` from a view model, as a misspelt field in the model or the template would. */
function without<T extends object>(view: T, key: keyof T): object {
  const copy = { ...view } as Record<string, unknown>;
  delete copy[key as string];
  return copy;
}

describe('every template family is strict: a misspelt field fails and is named', () => {
  it('web pages', () => {
    const err = failure(() => renderPage('dashboard/problem', 'Lỗi', { heading: 'Không tìm thấy', txt: 'sai tên trường' }));
    expect(err.template).toBe('web/dashboard/problem.hbs');
    expect(err.field).toBe('text');
    expect(err.message).toContain('web/dashboard/problem.hbs');
    expect(err.message).toContain('"text"');
  });

  it('web partials name the page and the partial', () => {
    const dash = { nonce: 'n', user: { name: 'Nguyễn Văn A', role: 'Biên tập viên' }, csrf: 'c', nav: [] };
    const err = failure(() => renderPage('dashboard/problem', 'Lỗi', { heading: 'x', text: 'y', dash: without(dash, 'csrf') }));
    expect(err.templates).toEqual(['web/layout.hbs', 'web/partials/dash-nav.hbs']);
    expect(err.field).toBe('csrf');
  });

  it('sign-in emails', () => {
    const data = { name: 'Nguyễn Văn A', link: 'http://localhost:3000/sign-in/x', expires: '08:15 ngày 24/11/2026' };
    const err = failure(() => renderWebTemplate('dashboard/sign-in-email.txt.hbs', without(data, 'expires')));
    expect([err.template, err.field]).toEqual(['web/dashboard/sign-in-email.txt.hbs', 'expires']);
  });

  it('approval request emails', () => {
    const data = {
      subject: 'Đề nghị phê duyệt',
      kindTitle: 'Đề nghị phê duyệt',
      greeting: 'anh A',
      intro: 'Có nội dung chờ anh duyệt.',
      headline: 'Tiêu đề',
      keyMessages: ['Thông điệp'],
      occasion: 'Ngày Nhà giáo Việt Nam (20/11/2026)',
      plan: '62/KH-UBND — UBND tỉnh Lạng Sơn',
      version: 1,
      stepLabel: '',
      drafts: [],
      thumbnailCid: '',
      link: 'http://localhost:3000/approve/x',
      recipient: 'Nguyễn Văn A',
      expires: '08:00 ngày 24/11/2026',
    };
    expect(renderApprovalRequest('txt', data)).toContain('hết hạn lúc 08:00 ngày 24/11/2026');
    for (const format of ['txt', 'html'] as const) {
      const err = failure(() => renderApprovalRequest(format, without(data, 'recipient')));
      expect([err.template, err.field]).toEqual([`email/approval-request.${format}.hbs`, 'recipient']);
    }
  });

  it('the published site, partials included', () => {
    const site = { title: 'Trang tin', description: 'Tin tức', homeHref: '/site/', feedHref: '/site/feed.xml', feedUrl: '/site/feed.xml' };
    expect(renderSiteTemplate('notFound', { page: { title: 'Không tìm thấy trang' }, site })).toContain('Không tìm thấy trang');
    const err = failure(() => renderSiteTemplate('notFound', { page: { title: 'x' }, site: without(site, 'feedUrl') }));
    expect(err.templates).toEqual(['channels/web-portal/templates/not-found.hbs', 'channels/web-portal/templates/partials/site-layout.hbs']);
    expect(err.field).toBe('feedUrl');
  });

  it('press briefings', () => {
    const data = { state: 'confirm', title: 'Ngừng nhận thông tin cho báo chí', maskedEmail: 'd***@example.org', action: '/unsubscribe/x' };
    expect(renderBriefingTemplate('unsubscribePage', data)).toContain('d***@example.org');
    const err = failure(() => renderBriefingTemplate('unsubscribePage', without(data, 'title')));
    expect([err.template, err.field]).toEqual(['channels/press-briefing/templates/unsubscribe-page.hbs', 'title']);
  });

  describe('reports', () => {
    let model: ReportModel;
    beforeAll(async () => {
      const plan = await loadPlan(LS_PLAN);
      model = compileReport(plan, lsEvidence(), reportDuty(plan, 'ls-bc-so-gddt'));
    });

    it('the HTML report', () => {
      const err = failure(() => renderReportHtml(without(model, 'proposals') as ReportModel));
      expect([err.template, err.field]).toEqual(['report/report.html.hbs', 'proposals']);
    });
  });

  it('loudspeaker scripts', () => {
    const { view } = buildScriptView({ brief: langSonTeachersDay, locality: localities[0], slot: localities[0].slots[0] });
    const err = failure(() => renderTextTemplate(SCRIPT_TEMPLATE, without(view, 'station')));
    expect(err.templates).toEqual(['channels/loudspeaker/templates/script.txt.hbs', 'channels/loudspeaker/templates/partials/opening.txt.hbs']);
    expect(err.field).toBe('station');
  });

  it('infographics', () => {
    const err = failure(() => renderTemplateFile('poster.svg.hbs', { widht: 1080, height: 1350 }));
    expect(err.template).toBe('channels/infographic/templates/poster.svg.hbs');
    expect(err.field).toBeTruthy();
    expect(err.message).toContain(`"${err.field}"`);
  });
});

describe('template folders', () => {
  const folder = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'templates-'));
    mkdirSync(path.join(dir, 'partials'));
    writeFileSync(path.join(dir, 'page.hbs'), '{{> box}}|{{#if note}}[{{note}}]{{/if}}');
    writeFileSync(path.join(dir, 'mail.txt.hbs'), '{{name}} <{{address}}>');
    writeFileSync(path.join(dir, 'partials', 'box.hbs'), '<b>{{name}}</b>');
    return loadTemplateFolder(dir, { suffix: '.hbs', plainText: /\.txt\.hbs$/ });
  };

  it('renders optional fields that are present but empty as nothing, and tests them with #if', () => {
    expect(folder().render('page.hbs', { name: 'A & B', note: undefined })).toBe('<b>A &amp; B</b>|');
    expect(folder().render('page.hbs', { name: 'A', note: 'ghi chú' })).toBe('<b>A</b>|[ghi chú]');
  });

  it('escapes HTML templates and partials, not the plain-text ones', () => {
    const f = folder();
    expect(f.render('mail.txt.hbs', { name: 'Sở GD&ĐT', address: 'a@example.org' })).toBe('Sở GD&ĐT <a@example.org>');
    expect(f.render('page.hbs', { name: '<i>x</i>', note: '' })).toBe('<b>&lt;i&gt;x&lt;/i&gt;</b>|');
  });
});
