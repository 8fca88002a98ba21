/**
 * `campaign schedules sync | list | pause | resume | trigger` — the plan's rhythm on Temporal
 * Schedules: recurring loudspeaker bulletins, campaigns started ahead of occasions, and the
 * periodic report.
 */
import { scheduleKindLabels } from '../../domain/schedules/types.js';
import {
  describeChangeCounts,
  listManagedSchedules,
  pauseSchedule,
  planSchedules,
  resumeSchedule,
  ScheduleRequestError,
  syncSchedules,
  triggerSchedule,
  syncActionLabels,
  UnknownScheduleError,
} from '../../infra/schedules.js';
import { CliError, parseOptions, type Command } from '../command.js';
import { withClient } from '../connect.js';
import { readableDirectory } from '../directory.js';
import { table } from '../output.js';
import { formatVnDateTime } from '../../domain/dates.js';

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);


const syncUsage = `Cách dùng: campaign schedules sync --plan ID [tùy chọn]

Làm cho các lịch trên Temporal khớp với kế hoạch: bản tin truyền thanh định kỳ cho nhiệm vụ
"Thường xuyên" có kênh truyền thanh, khởi tạo chiến dịch trước mỗi sự kiện, và báo cáo định kỳ.
Chạy lại nhiều lần không thay đổi gì nếu kế hoạch không đổi; nhiệm vụ bị bỏ thì lịch của nó bị xóa.

  --plan ID               mã kế hoạch (xem: campaign plans list)
  --approvers EMAILS      người phê duyệt chiến dịch và bản tin chưa được duyệt trước
  --pre-approved TASKS    nhiệm vụ có chuỗi bản tin được duyệt trước cùng bộ thông điệp (hoặc all): đăng thẳng
  --approved-by EMAIL     người duyệt trước (bắt buộc khi có --pre-approved; ghi vào mỗi bản tin)
  --report-to EMAILS      email cơ quan chủ trì nhận dự thảo báo cáo
  --report-dates DATES    hạn báo cáo cho nhiệm vụ báo cáo không ghi ngày: "10/6,10/12" hoặc "MÃ=10/6,10/12" (lặp lại được)
  --per-locality          mỗi đơn vị một chuỗi bản tin, theo khung giờ sớm nhất của đơn vị
  --bulletin-days DAYS    thứ phát bản tin, ví dụ mon,thu (mặc định) hoặc t2,t5
  --bulletin-time HH:MM   giờ chạy bản tin (mặc định: 60 phút trước khung giờ sớm nhất)
  --units IDS             kế hoạch của tỉnh: các xã, phường phát bản tin (mặc định: mọi đơn vị có trạm trong danh bạ)
  --localities-file F     danh sách đơn vị trong tệp thay cho danh bạ
  --media-list-file F     danh sách phóng viên trong tệp thay cho danh bạ
  --plans-dir DIR         thư mục kế hoạch (mặc định: plans/)
  --id-prefix P           tiền tố mã lịch, ví dụ "thu-nghiem-"
  --dry-run               chỉ in những gì sẽ thay đổi
  --json                  in kết quả dạng JSON`;

export const schedulesSyncCommand: Command = {
  name: 'schedules sync',
  summary: 'Đồng bộ lịch (bản tin định kỳ, chiến dịch theo sự kiện, báo cáo) với kế hoạch',
  usage: syncUsage,
  async run(argv) {
    const { values: v } = parseOptions(
      argv,
      {
        plan: { type: 'string' },
        approvers: { type: 'string' },
        'pre-approved': { type: 'string' },
        'approved-by': { type: 'string' },
        'report-to': { type: 'string' },
        'report-dates': { type: 'string', multiple: true },
        'per-locality': { type: 'boolean' },
        'bulletin-days': { type: 'string' },
        'bulletin-time': { type: 'string' },
        'localities-file': { type: 'string' },
        'media-list-file': { type: 'string' },
        units: { type: 'string' },
        'plans-dir': { type: 'string' },
        'id-prefix': { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      syncUsage,
    );
    if (!v.plan) throw new CliError(`Thiếu --plan.\n\n${syncUsage}`, 2);
    const { directory } = await readableDirectory(false);
    return withClient(async (client, endpoints) => {
      let desired;
      try {
        desired = await planSchedules({
          planId: v.plan!,
          taskQueue: endpoints.taskQueue,
          plansDir: v['plans-dir'],
          localitiesFile: v['localities-file'],
          mediaListFile: v['media-list-file'],
          units: list(v.units),
          approvers: list(v.approvers),
          preApproved: list(v['pre-approved']),
          preApprovedBy: v['approved-by'],
          reportTo: list(v['report-to']),
          reportDates: v['report-dates'],
          perLocality: v['per-locality'],
          bulletinDays: list(v['bulletin-days']),
          bulletinTime: v['bulletin-time'],
          idPrefix: v['id-prefix'],
        }, { directory });
      } catch (err) {
        if (err instanceof ScheduleRequestError) throw new CliError(err.message, 2);
        throw err;
      }
      const report = await syncSchedules(client, desired, { dryRun: v['dry-run'] });
      if (v.json) {
        process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        return 0;
      }
      const out = [
        `${report.dryRun ? 'Thử (không thay đổi gì)' : 'Đã đồng bộ'} lịch của kế hoạch ${report.planId}: ${describeChangeCounts(report)}.`,
      ];
      if (report.changes.length) {
        out.push('', table(['Thay đổi', 'Loại', 'Mã lịch', 'Mô tả'], report.changes.map((c) => [syncActionLabels[c.action], c.kind ? scheduleKindLabels[c.kind] : '', c.id, c.title ?? ''])));
      }
      if (report.notes.length) out.push('', 'Lưu ý:', ...report.notes.map((x) => `  - ${x.subject}: ${x.text}`));
      process.stdout.write(out.join('\n') + '\n');
      return 0;
    });
  },
};

export const schedulesListCommand: Command = {
  name: 'schedules list',
  summary: 'Danh sách lịch do hệ thống quản lý',
  usage: 'Cách dùng: campaign schedules list [--plan ID] [--json]',
  async run(argv) {
    const { values } = parseOptions(argv, { plan: { type: 'string' }, json: { type: 'boolean' } }, this.usage);
    return withClient(async (client) => {
      const rows = await listManagedSchedules(client, { planId: values.plan });
      if (values.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return 0;
      }
      if (rows.length === 0) {
        process.stdout.write(`Chưa có lịch nào${values.plan ? ` cho kế hoạch ${values.plan}` : ''}. Tạo lịch: campaign schedules sync --plan ID\n`);
        return 0;
      }
      process.stdout.write(
        table(
          ['Mã lịch', 'Loại', 'Trạng thái', 'Lần chạy tới', 'Mô tả'],
          rows.map((r) => [r.id, r.kind ? scheduleKindLabels[r.kind] : '', r.paused ? 'tạm dừng' : 'đang chạy', formatVnDateTime(r.nextRuns[0]), r.title ?? '']),
        ) + '\n',
      );
      return 0;
    });
  },
};

function idCommand(name: string, summary: string, verb: (client: Parameters<Parameters<typeof withClient>[0]>[0], id: string) => Promise<void>, done: (id: string) => string): Command {
  const usage = `Cách dùng: campaign schedules ${name} ID`;
  return {
    name: `schedules ${name}`,
    summary,
    usage,
    async run(argv) {
      const { positionals } = parseOptions(argv, {}, usage, true);
      const id = positionals[0];
      if (!id || positionals.length > 1) throw new CliError(usage, 2);
      if (!/^sched-[a-z0-9-]+$/.test(id)) throw new CliError(`"${id}" không phải mã lịch (dạng sched-<kế hoạch>-<loại>-<đối tượng>).`, 2);
      return withClient(async (client) => {
        try {
          await verb(client, id);
        } catch (err) {
          if (err instanceof UnknownScheduleError) throw new CliError(err.message, 1);
          throw err;
        }
        process.stdout.write(`${done(id)}\n`);
        return 0;
      });
    },
  };
}

export const schedulesPauseCommand = idCommand('pause', 'Tạm dừng một lịch', (c, id) => pauseSchedule(c, id), (id) => `Đã tạm dừng lịch ${id}. Tiếp tục: campaign schedules resume ${id}`);
export const schedulesResumeCommand = idCommand('resume', 'Tiếp tục một lịch đã tạm dừng', (c, id) => resumeSchedule(c, id), (id) => `Đã cho lịch ${id} chạy tiếp.`);
export const schedulesTriggerCommand = idCommand(
  'trigger',
  'Chạy ngay một lịch (bỏ qua nếu lần trước chưa xong)',
  (c, id) => triggerSchedule(c, id),
  (id) => `Đã yêu cầu chạy lịch ${id} ngay. Xem kết quả trong Temporal UI hoặc: campaign schedules list`,
);
