/**
 * `campaign correction start` — an urgent correction (đính chính) from the command line: the
 * false claim, the correct information and its official source, one approver; on approval the
 * loudspeakers play it as an emergency bulletin and the post and briefing go out at once.
 */
import { formatVnDateTime } from '../../domain/dates.js';
import { campaignChannelLabels } from '../../domain/campaign/types.js';
import { CampaignExistsError, CampaignRequestError, startCampaign } from '../../infra/campaign-client.js';
import { resolveCorrectionInput } from '../../infra/correction-client.js';
import { CliError, parseOptions, type Command } from '../command.js';
import { withClient } from '../connect.js';
import { readableDirectory } from '../directory.js';

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

const usage = `Cách dùng: campaign correction start --plan ID --headline TIÊU_ĐỀ --claim "…" --fact "…" --source "…" --approver EMAIL [tùy chọn]

Đính chính thông tin sai lệch: sau khi được duyệt, mọi kênh phát ngay; loa phát bản tin khẩn cấp.
  --plan ID              kế hoạch của đơn vị lên tiếng (trạm, trang tin, danh sách báo chí của đơn vị đó)
  --headline TIÊU_ĐỀ     tiêu đề ngắn (tối đa 60 ký tự), ví dụ "Không thu phí học thêm bắt buộc"
  --claim "…"            thông tin sai lệch đang lan truyền
  --fact "…"             thông tin chính xác (lặp lại cho từng ý, tối đa 5)
  --source "…"           nguồn chính thức (cơ quan, văn bản số, ngày)
  --source-url URL       địa chỉ văn bản nguồn
  --approver EMAIL       người phê duyệt (một người)
  --escalate-to EMAILS   người được chuyển khi quá hạn chưa duyệt
  --remind-after PHÚT    nhắc sau bao nhiêu phút (mặc định 15)
  --escalate-after PHÚT  chuyển cấp sau bao nhiêu phút (mặc định 30)
  --decide-within PHÚT   hạn quyết định (mặc định 120)
  --channels LIST        loudspeaker,webPortal,pressBriefing,social (mặc định: cả bốn)
  --units IDS            các xã, phường, đặc khu phát bản tin (kế hoạch cấp tỉnh)
  --json                 in kết quả dạng JSON`;

const minutes = (v: string | undefined, flag: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`--${flag} phải là số phút dương, nhận được "${v}".`, 2);
  return n * 60_000;
};

export const correctionStartCommand: Command = {
  name: 'correction start',
  summary: 'Đính chính thông tin sai lệch (một người duyệt, phát ngay mọi kênh)',
  usage,
  async run(argv) {
    const { values: v } = parseOptions(
      argv,
      {
        plan: { type: 'string' },
        headline: { type: 'string' },
        claim: { type: 'string' },
        fact: { type: 'string', multiple: true },
        source: { type: 'string' },
        'source-url': { type: 'string' },
        approver: { type: 'string' },
        'escalate-to': { type: 'string' },
        'remind-after': { type: 'string' },
        'escalate-after': { type: 'string' },
        'decide-within': { type: 'string' },
        channels: { type: 'string' },
        units: { type: 'string' },
        json: { type: 'boolean' },
      },
      usage,
    );
    const missing = (['plan', 'headline', 'claim', 'fact', 'source', 'approver'] as const).filter((k) => !v[k] || (Array.isArray(v[k]) && v[k].length === 0));
    if (missing.length) throw new CliError(`Thiếu ${missing.map((m) => `--${m}`).join(', ')}.\n\n${usage}`, 2);
    const { directory } = await readableDirectory(false);
    return withClient(async (client, endpoints) => {
      let input;
      try {
        input = await resolveCorrectionInput(
          {
            planId: v.plan!,
            headline: v.headline!,
            claim: v.claim!,
            facts: v.fact ?? [],
            source: v.source!,
            sourceUrl: v['source-url'],
            approver: v.approver!,
            escalateTo: list(v['escalate-to']),
            reminderAfterMs: minutes(v['remind-after'], 'remind-after'),
            escalateAfterMs: minutes(v['escalate-after'], 'escalate-after'),
            decideWithinMs: minutes(v['decide-within'], 'decide-within'),
            channels: list(v.channels),
            units: list(v.units),
            startedBy: process.env.USER,
          },
          new Date(),
          { directory },
        );
        await startCampaign(client, endpoints.taskQueue, input);
      } catch (err) {
        if (err instanceof CampaignRequestError) throw new CliError(err.message.replace('Không khởi tạo được chiến dịch', 'Không khởi tạo được đính chính'), 2);
        if (err instanceof CampaignExistsError) throw new CliError(err.message, 1);
        throw err;
      }
      if (v.json) {
        process.stdout.write(JSON.stringify({ id: input.campaignId, planId: input.planId, channels: input.channels, approvers: input.approvers, decideBy: input.decideBy }) + '\n');
      } else {
        process.stdout.write(
          `Đã khởi tạo đính chính ${input.campaignId}\n` +
            `  Tiêu đề: ${input.correction!.headline}\n` +
            `  Kênh: ${input.channels.map((c) => campaignChannelLabels[c]).join(', ')} — phát ngay khi được duyệt${input.channels.includes('loudspeaker') ? '; loa phát bản tin khẩn cấp' : ''}\n` +
            `  Người duyệt: ${input.approvers.join(', ')}; nhắc sau ${Math.round(input.reminderAfterMs / 60_000)} phút, hạn quyết định ${formatVnDateTime(new Date(input.decideBy))}\n` +
            `Theo dõi: campaign status ${input.campaignId}\n`,
        );
      }
      return 0;
    });
  },
};
