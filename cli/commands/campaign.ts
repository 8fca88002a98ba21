/**
 * `campaign start | status | list | cancel` — running campaigns from the command line, with
 * the same client code the dashboard uses.
 */
import { formatVnDate, formatVnDateTime } from '../../domain/dates.js';
import { ALL_CAMPAIGN_CHANNELS, DEFAULT_CAMPAIGN_CHANNELS, campaignChannelLabels, campaignStatusLabels, channelStateLabels, decisionLabels, type CampaignStatus } from '../../domain/campaign/types.js';
import { isCampaignId } from '../../domain/campaign/ids.js';
import {
  CampaignExistsError,
  CampaignRequestError,
  cancelCampaign,
  campaignStatus,
  listCampaigns,
  resolveCampaignInput,
  startCampaign,
} from '../../infra/campaign-client.js';
import { CliError, parseOptions, type Command } from '../command.js';
import { withClient } from '../connect.js';
import { readableDirectory } from '../directory.js';
import { table } from '../output.js';

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

const startUsage = `Cách dùng: campaign start --plan ID --occasion ID --approvers EMAILS [tùy chọn]

  --plan ID              mã kế hoạch (xem: campaign plans list)
  --occasion ID          mã sự kiện (xem: campaign calendar)
  --date NGÀY            ngày sự kiện (dd/mm/yyyy); mặc định: lần tới kể từ hôm nay
  --tasks IDS            nhiệm vụ, cách nhau bởi dấu phẩy; mặc định: các nhiệm vụ gắn với sự kiện
  --channels LIST        ${ALL_CAMPAIGN_CHANNELS.join(',')}
                         (mặc định: ${DEFAULT_CAMPAIGN_CHANNELS.join(',')})
  --units IDS            kế hoạch của tỉnh, thành phố: các xã, phường, đặc khu phát bản tin, mỗi đơn vị
                         trên trạm của mình, bằng tên của mình (mặc định: mọi đơn vị có trạm)
  --localities all|IDS   trạm, cụm loa nhận bản tin truyền thanh (mặc định: all — mọi trạm của các đơn vị trên)
  --localities-file F    danh sách đơn vị trong tệp thay cho danh bạ
  --media-list-file F    danh sách phóng viên trong tệp thay cho danh bạ
  --publish-at NGÀY_GIỜ  đăng mọi kênh vào thời điểm này thay vì theo thời gian chuẩn bị của sự kiện;
                         giờ Việt Nam nếu không ghi múi giờ (2026-11-24T08:00, 24/11/2026 08:00,
                         2026-11-24T08:00:00+07:00)
  --approvers EMAILS     người phê duyệt (bắt buộc)
  --escalate-to EMAILS   người được chuyển khi quá hạn chưa duyệt
  --leaders EMAILS       lãnh đạo duyệt bước hai (quy tắc hai người)
  --force-new            chủ ý chạy một lần mới dù chiến dịch đã có
  --json                 in kết quả dạng JSON`;

export const campaignStartCommand: Command = {
  name: 'start',
  summary: 'Khởi tạo một chiến dịch (soạn nháp, gửi phê duyệt, đăng)',
  usage: startUsage,
  async run(argv) {
    const { values: v } = parseOptions(
      argv,
      {
        plan: { type: 'string' },
        occasion: { type: 'string' },
        date: { type: 'string' },
        tasks: { type: 'string' },
        channels: { type: 'string' },
        localities: { type: 'string' },
        units: { type: 'string' },
        'publish-at': { type: 'string' },
        approvers: { type: 'string' },
        'escalate-to': { type: 'string' },
        leaders: { type: 'string' },
        'localities-file': { type: 'string' },
        'media-list-file': { type: 'string' },
        'force-new': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      startUsage,
    );
    const missing = (['plan', 'occasion', 'approvers'] as const).filter((k) => !v[k]);
    if (missing.length) throw new CliError(`Thiếu ${missing.map((m) => `--${m}`).join(', ')}.\n\n${startUsage}`, 2);
    const { directory } = await readableDirectory(false);
    return withClient(async (client, endpoints) => {
      let input;
      try {
        input = await resolveCampaignInput({
          planId: v.plan!,
          occasionId: v.occasion!,
          date: v.date,
          taskIds: list(v.tasks),
          channels: list(v.channels),
          localities: !v.localities || v.localities === 'all' ? 'all' : list(v.localities),
          units: list(v.units),
          publishAt: v['publish-at'],
          approvers: list(v.approvers) ?? [],
          escalateTo: list(v['escalate-to']),
          leaders: list(v.leaders),
          localitiesFile: v['localities-file'],
          mediaListFile: v['media-list-file'],
          forceNew: v['force-new'],
          startedBy: process.env.USER,
        }, new Date(), { directory });
        await startCampaign(client, endpoints.taskQueue, input);
      } catch (err) {
        if (err instanceof CampaignRequestError) throw new CliError(err.message, 2);
        if (err instanceof CampaignExistsError) throw new CliError(err.message, 1);
        throw err;
      }
      if (v.json) {
        process.stdout.write(JSON.stringify({ id: input.campaignId, planId: input.planId, occasionId: input.occasionId, occasionDate: input.occasionDate, channels: input.channels, approvers: input.approvers, publishAt: input.publishAt ?? null, decideBy: input.decideBy }) + '\n');
      } else {
        process.stdout.write(
          `Đã khởi tạo chiến dịch ${input.campaignId}\n` +
            `  Sự kiện: ${input.occasionId}, ngày ${formatVnDate(input.occasionDate)}\n` +
            `  Kênh: ${input.channels.map((c) => campaignChannelLabels[c]).join(', ')}\n` +
            (input.channels.includes('loudspeaker') ? `  Đơn vị phát bản tin: ${input.localitiesFile ? input.localitiesFile : (input.units ?? []).join(', ')}\n` : '') +
            `  Người duyệt: ${input.approvers.join(', ')} (thư phê duyệt sẽ được gửi khi bản nháp xong)\n` +
            `Theo dõi: campaign status ${input.campaignId}\n`,
        );
      }
      return 0;
    });
  },
};

const idArg = (argv: string[], usage: string) => {
  const { values, positionals } = parseOptions(argv, { json: { type: 'boolean' } }, usage, true);
  const id = positionals[0];
  if (!id || positionals.length > 1) throw new CliError(usage, 2);
  if (!isCampaignId(id)) throw new CliError(`"${id}" không phải mã chiến dịch (dạng campaign-<kế hoạch>-<sự kiện>-<năm>).`, 2);
  return { id, json: values.json };
};

export const campaignStatusCommand: Command = {
  name: 'status',
  summary: 'Trạng thái một chiến dịch: từng kênh, phiên bản, quyết định',
  usage: 'Cách dùng: campaign status ID [--json]',
  async run(argv) {
    const { id, json } = idArg(argv, this.usage);
    return withClient(async (client) => {
      const found = await campaignStatus(client, id);
      if (!found) throw new CliError(`Không có chiến dịch ${id}.`, 1);
      const s = found.state;
      if (json) {
        process.stdout.write(JSON.stringify({ ...s, workflowStatus: found.workflowStatus, ...(found.failure ? { failure: found.failure } : {}) }, null, 2) + '\n');
        return 0;
      }
      const out = [
        `Chiến dịch ${s.campaignId}`,
        `  Trạng thái: ${campaignStatusLabels[s.status]} · phiên bản ${s.version}${s.steps > 1 ? ` · bước duyệt ${s.step}/${s.steps}` : ''}`,
        `  Sự kiện: ${s.occasionId}, ngày ${formatVnDate(s.occasionDate)} · kế hoạch ${s.planId}`,
        s.awaiting.length ? `  Đang chờ: ${s.awaiting.join(', ')}` : '',
        found.failure ? `  Lý do lỗi: ${found.failure}` : '',
        '',
        table(
          ['Kênh', 'Trạng thái', 'Phiên bản', 'Giờ đăng', 'Ghi chú'],
          s.channels.map((c) => [campaignChannelLabels[c.channel], channelStateLabels[c.state], String(c.version), formatVnDateTime(c.publishedAt ?? c.publishAt), c.detail ?? '']),
        ),
      ];
      if (s.decisions.length) {
        out.push('', table(['Thời điểm', 'Người duyệt', 'Quyết định', 'Phiên bản', 'Nhận xét'], s.decisions.map((d) => [formatVnDateTime(d.at), d.approver, decisionLabels[d.decision], String(d.version), d.comment ?? ''])));
      }
      process.stdout.write(out.filter((l, i) => l !== '' || i > 4).join('\n') + '\n');
      return 0;
    });
  },
};

export const campaignListCommand: Command = {
  name: 'list',
  summary: 'Danh sách chiến dịch và trạng thái',
  usage: 'Cách dùng: campaign list [--plan ID] [--occasion ID] [--status TRẠNG_THÁI] [--json]',
  async run(argv) {
    const { values } = parseOptions(argv, { plan: { type: 'string' }, occasion: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } }, this.usage);
    return withClient(async (client) => {
      const rows = await listCampaigns(client, { planId: values.plan, occasionId: values.occasion, status: values.status }, { reasons: true });
      if (values.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return 0;
      }
      if (rows.length === 0) {
        process.stdout.write('Chưa có chiến dịch nào.\n');
        return 0;
      }
      process.stdout.write(
        table(
          ['Mã chiến dịch', 'Kế hoạch', 'Sự kiện', 'Năm', 'Trạng thái', 'Bắt đầu'],
          rows.map((r) => [r.campaignId, r.planId ?? '', r.occasionId ?? '', String(r.year ?? ''), r.status ? (campaignStatusLabels[r.status as CampaignStatus] ?? r.status) : r.workflowStatus, formatVnDateTime(r.startedAt)]),
        ) + '\n',
      );
      const failed = rows.filter((r) => r.failure);
      if (failed.length) process.stdout.write(`\nLý do lỗi:\n${failed.map((r) => `  ${r.campaignId}: ${r.failure}`).join('\n')}\n`);
      return 0;
    });
  },
};

export const campaignCancelCommand: Command = {
  name: 'cancel',
  summary: 'Hủy một chiến dịch (không đăng gì thêm, giữ bản nháp)',
  usage: 'Cách dùng: campaign cancel ID',
  async run(argv) {
    const { id } = idArg(argv, this.usage);
    return withClient(async (client) => {
      if (!(await cancelCampaign(client, id))) throw new CliError(`Không có chiến dịch ${id}.`, 1);
      process.stdout.write(`Đã yêu cầu hủy chiến dịch ${id}. Bản nháp được giữ lại.\n`);
      return 0;
    });
  },
};
