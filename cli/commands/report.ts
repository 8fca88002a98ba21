/**
 * `campaign report --plan ID --from DATE --to DATE` — the periodic report on demand: the same
 * workflow the report schedule runs, for the given period. Files stay in object storage (and
 * are copied to --out); the report is emailed to the lead body for review unless --no-email.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { WorkflowFailedError } from '@temporalio/client';
import path from 'node:path';
import { formatVnDate, parseVnDate } from '../../domain/dates.js';
import { periodOfDays } from '../../domain/report/period.js';
import { DEFAULT_REPORT_TO, type ReportRequest } from '../../domain/report/request.js';
import { startReport } from '../../infra/report-client.js';
import { S3ObjectStore } from '../../infra/s3.js';
import type { ReportRunResult } from '../../workflows/report.js';
import { CliError, parseOptions, type Command } from '../command.js';
import { withClient } from '../connect.js';
import { readablePlans } from '../directory.js';
import { table } from '../output.js';

const usage = `Cách dùng: campaign report --plan ID --from NGÀY --to NGÀY [tùy chọn]

Lập báo cáo kết quả công tác truyền thông của kế hoạch trong kỳ (Word, HTML, infographic),
lưu vào kho đối tượng và gửi dự thảo cho cơ quan chủ trì xem xét. Ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd.

  --plan ID           mã kế hoạch
  --from NGÀY         ngày đầu kỳ báo cáo
  --to NGÀY           ngày cuối kỳ báo cáo
  --duty ID           nhiệm vụ báo cáo của kế hoạch (nơi nhận, phạm vi nhiệm vụ); mặc định: nhiệm vụ định kỳ đầu tiên
  --report-to EMAILS  người nhận dự thảo (mặc định: ${DEFAULT_REPORT_TO})
  --out DIR           chép các tệp báo cáo vào thư mục này
  --no-email          không gửi email
  --plans-dir DIR     thư mục kế hoạch (mặc định: plans/)
  --json              in kết quả dạng JSON`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Lập báo cáo định kỳ cho một kỳ (DOCX, HTML, infographic) và gửi dự thảo',
  usage,
  async run(argv) {
    const { values: v } = parseOptions(
      argv,
      {
        plan: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        duty: { type: 'string' },
        'report-to': { type: 'string' },
        out: { type: 'string' },
        'no-email': { type: 'boolean' },
        'plans-dir': { type: 'string' },
        json: { type: 'boolean' },
      },
      usage,
    );
    const missing = (['plan', 'from', 'to'] as const).filter((k) => !v[k]);
    if (missing.length) throw new CliError(`Thiếu ${missing.map((m) => `--${m}`).join(', ')}.\n\n${usage}`, 2);
    const from = parseVnDate(v.from!);
    const to = parseVnDate(v.to!);
    const problems = [
      ...(from ? [] : [`--from: "${v.from}" không phải ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd`]),
      ...(to ? [] : [`--to: "${v.to}" không phải ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd`]),
      ...(from && to && to < from ? [`--to (${v.to}) đứng trước --from (${v.from})`] : []),
    ];
    let plan;
    try {
      plan = (await (await readablePlans(v['plans-dir'])).plans.get(v.plan!)).plan;
    } catch (err) {
      problems.push(`--plan: ${(err as Error).message}`);
    }
    if (plan && v.duty && !plan.reporting.some((d) => d.id === v.duty)) problems.push(`--duty: kế hoạch ${plan.id} không có nhiệm vụ báo cáo "${v.duty}"`);
    const reportTo = (v['report-to'] ?? DEFAULT_REPORT_TO).split(',').map((s) => s.trim()).filter(Boolean);
    if (problems.length) throw new CliError(`Không lập được báo cáo:\n${problems.map((p) => `  - ${p}`).join('\n')}`, 2);

    const request: ReportRequest = {
      planId: plan!.id,
      ...(v.duty ? { dutyId: v.duty } : {}),
      period: periodOfDays(from!, to!),
      reportTo,
      email: !v['no-email'],
      ...(v['plans-dir'] ? { plansDir: path.resolve(v['plans-dir']) } : {}),
    };
    return withClient(async (client, endpoints) => {
      let result: ReportRunResult;
      try {
        result = await (await startReport(client, endpoints.taskQueue, { ...request, period: request.period! })).result();
      } catch (err) {
        if (err instanceof WorkflowFailedError) throw new CliError(`Không lập được báo cáo: ${err.cause?.message ?? err.message}\nKiểm tra worker đang chạy (npm start, campaign doctor).`, 1);
        throw err;
      }
      const written: string[] = [];
      if (v.out) {
        const store = S3ObjectStore.fromSettings(endpoints.s3);
        await mkdir(v.out, { recursive: true });
        for (const key of [result.files.docx, result.files.html, result.files.png]) {
          const obj = await store.get(key);
          if (!obj) continue;
          const file = path.join(v.out, path.basename(key));
          await writeFile(file, obj.body);
          written.push(file);
        }
      }
      if (v.json) {
        process.stdout.write(JSON.stringify({ ...result, written }, null, 2) + '\n');
        return 0;
      }
      process.stdout.write(
        [
          `Đã lập báo cáo Kế hoạch số ${result.planRef}, kỳ báo cáo từ ngày ${formatVnDate(from!)} đến ngày ${formatVnDate(to!)}.`,
          '',
          table(['Nội dung', 'Số lượng'], result.summary.map((s) => [s.label, `${s.value}${s.unit ? ` ${s.unit}` : ''}`])),
          '',
          `Tệp trong kho đối tượng: ${result.files.docx}, ${result.files.html}, ${result.files.png}`,
          ...(written.length ? [`Đã chép vào: ${written.join(', ')}`] : []),
          request.email ? `Đã gửi dự thảo tới ${result.emailed} địa chỉ: ${reportTo.join(', ')} (người có thẩm quyền ký và gửi đi).` : 'Không gửi email (--no-email).',
        ].join('\n') + '\n',
      );
      return 0;
    });
  },
};
