import { describe, expect, it } from 'vitest';
import type { ContentBrief } from '../../../domain/brief.js';
import { normalizeForSpeech } from '../../../domain/speech/normalize.js';
import { formatDuration } from '../../../domain/speech/reading-time.js';
import { findUnspeakable, UnspeakableTextError } from '../../../domain/speech/speakable.js';
import {
  loudspeakerFiles,
  renderLoudspeakerScript,
  ScriptInputError,
  ScriptTooLongError,
  type LoudspeakerScriptInput,
} from '../../../channels/loudspeaker/render/index.js';
import { langSonTask2, langSonTeachersDay } from '../../fixtures/briefs.js';
import { bacKanBrief, langSonBrief, localities, quangNgaiBrief, seedBriefs } from '../../fixtures/speech/seed-briefs.js';

const [bacKan, dongTien] = localities;
const morning = bacKan.slots[0];

const input = (brief: ContentBrief, extra: Partial<LoudspeakerScriptInput> = {}): LoudspeakerScriptInput => ({
  brief,
  locality: bacKan,
  slot: morning,
  ...extra,
});

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('loudspeaker script from the seed plans', () => {
  const cases = seedBriefs.flatMap((brief) =>
    localities.flatMap((locality) => locality.slots.map((slot) => ({ name: `${brief.planId} → ${locality.id}/${slot.id}`, brief, locality, slot }))),
  );

  it.each(cases)('$name reads aloud: no digit, slash, symbol or abbreviation', ({ brief, locality, slot }) => {
    const { text } = renderLoudspeakerScript({ brief, locality, slot });
    expect(findUnspeakable(text)).toEqual([]);
    expect(text).not.toMatch(/[\d/%&<>]/);
    expect(text).not.toMatch(/\b(?:UBND|HĐND|MTTQ|GD&ĐT|KHCN|ĐMST|CĐS|TTĐT|THPT|THCS|CNTT|NQ|TW|TTg)\b/u);
  });

  it.each(cases)('$name opens with the station, the locality and the slot', ({ brief, locality, slot }) => {
    const { text } = renderLoudspeakerScript({ brief, locality, slot });
    const [first, second, third] = text.split('\n');
    expect(first).toBe(`Đây là ${locality.station}.`);
    expect(second).toBe(`Kính thưa bà con nhân dân ${locality.name.replace(/^(Phường|Xã)/u, (w) => w.toLowerCase())}!`);
    expect(third).toContain(`chương trình phát thanh ${slot.label.toLowerCase()} hôm nay, lúc `);
  });

  it.each(cases)('$name says every key message at least twice', ({ brief, locality, slot }) => {
    const { text } = renderLoudspeakerScript({ brief, locality, slot });
    for (const message of brief.keyMessages) {
      const spoken = normalizeForSpeech(message).text.replace(/[.!?]$/u, '');
      expect(count(text, spoken)).toBeGreaterThanOrEqual(2);
    }
    expect(text).toContain('Xin nhắc lại:');
  });

  it('reads the slot start, symbols, dates and figures as words', () => {
    const { text } = renderLoudspeakerScript(input(langSonBrief));
    expect(text).toContain('lúc sáu giờ ba mươi phút');
    expect(text).toContain('Ngày Nhà giáo Việt Nam ngày hai mươi tháng mười một');
    expect(text).toContain('Nghị quyết số bảy mươi mốt của Bộ Chính trị và Kế hoạch số sáu mươi hai của Ủy ban nhân dân tỉnh Lạng Sơn.');
    expect(text).toContain('Quyết định số một trăm năm mươi bảy ngày hai mươi tháng một năm hai nghìn không trăm hai mươi sáu của Thủ tướng Chính phủ');
    expect(text).toContain('Một trăm phần trăm cán bộ, công chức, viên chức được phổ biến, quán triệt Nghị quyết, giai đoạn hai nghìn không trăm hai mươi sáu đến hai nghìn không trăm ba mươi.');
    expect(text).toContain('Mỗi năm một hoạt động tôn vinh, khen thưởng');
    expect(text).toContain('Cơ quan chủ trì thực hiện là Sở Giáo dục và Đào tạo.');
  });

  it('names a plan without a number by its kind and issuer', () => {
    expect(renderLoudspeakerScript(input(bacKanBrief)).text).toContain('và Kế hoạch của Ủy ban nhân dân phường Bắc Kạn.');
    expect(renderLoudspeakerScript(input(quangNgaiBrief)).text).toContain('và Kế hoạch của Ủy ban nhân dân tỉnh Quảng Ngãi.');
  });

  it('ends with the sign-off', () => {
    const { text } = renderLoudspeakerScript(input(langSonTeachersDay));
    expect(text.endsWith('Cảm ơn bà con đã lắng nghe!\n')).toBe(true);
    expect(text).toContain('Đài truyền thanh phường Bắc Kạn vừa phát bản tin: ');
  });

  it('defaults the station to the locality name', () => {
    const { text, sidecar } = renderLoudspeakerScript({ brief: langSonTask2, locality: { id: 'xa-a', name: 'Xã Hòa Bình' }, slot: morning });
    expect(text.startsWith('Đây là Đài truyền thanh xã Hòa Bình.\n')).toBe(true);
    expect(sidecar.station).toBe('Đài truyền thanh xã Hòa Bình');
  });
});

describe('what the plan says, read as it says it', () => {
  it('reads a target\'s bound and aim before the number', () => {
    const { text } = renderLoudspeakerScript(
      input({
        ...langSonTeachersDay,
        figures: [
          { value: 70, unit: 'percent', bound: 'atLeast', label: 'cán bộ làm công tác truyền thông được bồi dưỡng', period: '2026–2030' },
          { value: 80, unit: 'percent', bound: 'atLeast', aim: true, label: 'người dân được tiếp cận thông tin', period: '2026–2030' },
          { value: 1, unit: 'perYear', bound: 'atLeast', label: 'hoạt động truyền thông chuyên đề mỗi năm' },
        ],
      }),
    );
    expect(text).toContain('\nTối thiểu bảy mươi phần trăm cán bộ làm công tác truyền thông được bồi dưỡng, giai đoạn hai nghìn không trăm hai mươi sáu đến hai nghìn không trăm ba mươi.\n');
    expect(text).toContain('\nPhấn đấu tối thiểu tám mươi phần trăm người dân được tiếp cận thông tin,');
    expect(text).toContain('\nTối thiểu một hoạt động truyền thông chuyên đề mỗi năm.\n');
  });

  it('refuses a figure bound it does not know, naming the field', () => {
    expect(() => renderLoudspeakerScript(input({ ...langSonTeachersDay, figures: [{ value: 70, unit: 'percent', bound: '>=' as never, label: 'cán bộ' }] }))).toThrow(
      expect.objectContaining({ field: 'brief.figures[0].bound' }),
    );
  });

  it('reads a one-year period as "năm", a range as "giai đoạn"', () => {
    const { text } = renderLoudspeakerScript(
      input({ ...langSonTeachersDay, figures: [{ value: 80, unit: 'percent', label: 'người dân được tiếp cận thông tin', period: '2025' }] }),
    );
    expect(text).toContain('Tám mươi phần trăm người dân được tiếp cận thông tin, năm hai nghìn không trăm hai mươi lăm.');
    expect(text).not.toContain('giai đoạn hai nghìn không trăm hai mươi lăm');
  });

  it('reads a task written per body item by item, not as one run-on sentence', () => {
    const { text } = renderLoudspeakerScript(
      input({
        ...langSonTask2,
        body: ['a) Sở GD&amp;ĐT:\n- Chủ trì tuyên truyền trên Cổng TTĐT\n- Hướng dẫn các trường sinh hoạt chuyên đề\nb) UBND các xã, phường:\n- Tuyên truyền trên hệ thống truyền thanh cơ sở'],
      }),
    );
    expect(text).toContain(
      [
        'Sở Giáo dục và Đào tạo:',
        'Chủ trì tuyên truyền trên Cổng thông tin điện tử.',
        'Hướng dẫn các trường sinh hoạt chuyên đề.',
        'Ủy ban nhân dân các xã, phường:',
        'Tuyên truyền trên hệ thống truyền thanh cơ sở.',
      ].join('\n'),
    );
  });

  it('joins a paragraph that was only wrapped', () => {
    const { text } = renderLoudspeakerScript(input({ ...langSonTask2, body: ['Tổ chức tuyên truyền về\nnhững mô hình hay,\ncách làm hiệu quả.'] }));
    expect(text).toContain('\nTổ chức tuyên truyền về những mô hình hay, cách làm hiệu quả.\n');
  });

  it('decodes HTML character references in pasted text before reading it', () => {
    const { text } = renderLoudspeakerScript(
      input({ ...langSonTask2, body: ['T&ocirc;n vinh nh&agrave; gi&aacute;o &amp; c&aacute;n b&#7897; qu&#x1EA3;n l&yacute; gi&aacute;o d&#7909;c.'] }),
    );
    expect(text).toContain('\nTôn vinh nhà giáo và cán bộ quản lý giáo dục.\n');
    expect(text).not.toMatch(/aacute|ocirc|agrave/);
  });

  it('reads an abbreviation next to its own expansion once', () => {
    const { text } = renderLoudspeakerScript(input({ ...langSonTask2, body: ['Ứng dụng trí tuệ nhân tạo (AI) và AI (trí tuệ nhân tạo) trong dạy học.'] }));
    expect(text).toContain('\nỨng dụng trí tuệ nhân tạo và trí tuệ nhân tạo trong dạy học.\n');
    expect(text).not.toContain('trí tuệ nhân tạo, trí tuệ nhân tạo');
  });
});

describe('sidecar and files', () => {
  it('describes locality, slot, priority, duration and source', () => {
    const { text, sidecar, expansions } = renderLoudspeakerScript(input(langSonBrief, { priority: 'priority', locality: dongTien, slot: dongTien.slots[0] }));
    expect(sidecar).toMatchObject({
      kind: 'loudspeaker-script',
      locality: 'xa-dong-tien',
      localityName: 'Xã Đồng Tiến',
      station: 'Đài truyền thanh xã Đồng Tiến',
      slot: { id: 'sang', label: 'Buổi sáng', start: '05:45', durationMinutes: 10 },
      priority: 'priority',
      priorityLabel: 'ưu tiên',
      syllablesPerMinute: 200,
      planId: 'lang-son-62-kh-ubnd-2026',
      planSymbol: '62/KH-UBND',
      taskId: 'nhiem-vu-1',
      occasionId: 'ngay-nha-giao-20-11',
      occasionDate: '2026-11-20',
      generatedFrom: { template: 'loudspeaker/script.txt.hbs' },
    });
    expect(sidecar.durationSeconds).toBeGreaterThan(60);
    expect(sidecar.spareSeconds).toBe(600 - sidecar.durationSeconds);
    expect(sidecar.syllables).toBe(text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length);
    expect(sidecar.generatedFrom.templateVersion).toMatch(/^[0-9a-f]{16}$/);
    // The editor's list: each distinct rewrite once, with how often it occurs.
    const symbol = sidecar.expansions.find((e) => e.original === '71-NQ/TW');
    expect(symbol).toMatchObject({ kind: 'symbol', spoken: 'bảy mươi mốt của Bộ Chính trị' });
    expect(symbol?.count).toBeGreaterThanOrEqual(3);
    expect(sidecar.expansions.reduce((n, e) => n + e.count, 0)).toBe(expansions.length);
    expect(sidecar.expansions.map((e) => e.kind)).toEqual(expect.arrayContaining(['abbreviation', 'symbol', 'number', 'percent', 'date', 'time', 'range']));
  });

  it('leaves taskId null for a plan-level brief', () => {
    expect(renderLoudspeakerScript(input(langSonTeachersDay)).sidecar.taskId).toBeNull();
  });

  it('writes UTF-8 text and JSON', () => {
    const script = renderLoudspeakerScript(input(bacKanBrief));
    const files = loudspeakerFiles(script);
    expect(files.text).toEqual({ contentType: 'text/plain; charset=utf-8', body: script.text });
    expect(files.sidecar.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(files.sidecar.body)).toEqual(script.sidecar);
  });
});

describe('priority', () => {
  it('normal bulletins do not announce their priority', () => {
    const { text } = renderLoudspeakerScript(input(langSonTeachersDay));
    expect(text).toContain('Đài xin gửi tới bà con bản tin: ');
    expect(text).not.toContain('khẩn cấp');
  });

  it('priority bulletins say so', () => {
    expect(renderLoudspeakerScript(input(langSonTeachersDay, { priority: 'priority' })).text).toContain('bà con bản tin ưu tiên: ');
  });

  it('emergency bulletins open with the alert', () => {
    const { text, sidecar } = renderLoudspeakerScript(input(langSonTeachersDay, { priority: 'emergency' }));
    expect(text.startsWith('Tin khẩn cấp! Tin khẩn cấp!\nĐây là ')).toBe(true);
    expect(text).toContain('bản tin khẩn cấp: ');
    expect(sidecar.priorityLabel).toBe('khẩn cấp');
  });

  it('rejects an unknown priority', () => {
    expect(() => renderLoudspeakerScript(input(langSonTeachersDay, { priority: 'urgent' as never }))).toThrow(ScriptInputError);
  });
});

describe('reading time against the slot', () => {
  it('uses the configured reading speed', () => {
    const fast = renderLoudspeakerScript(input(langSonBrief, { syllablesPerMinute: 300 })).sidecar;
    const slow = renderLoudspeakerScript(input(langSonBrief, { syllablesPerMinute: 150 })).sidecar;
    expect(fast.syllables).toBe(slow.syllables);
    expect(slow.durationSeconds).toBeGreaterThan(fast.durationSeconds);
  });

  it('a script too long for its slot is an error saying by how much', () => {
    const { durationSeconds } = renderLoudspeakerScript(input(langSonBrief)).sidecar;
    const slot = { id: 'ngan', label: 'Bản tin ngắn', start: '11:00', durationMinutes: 1 };
    try {
      renderLoudspeakerScript(input(langSonBrief, { slot }));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ScriptTooLongError);
      const e = err as ScriptTooLongError;
      expect(e.durationSeconds).toBe(durationSeconds);
      expect(e.overSeconds).toBe(durationSeconds - 60);
      expect(e.message).toContain(`Kịch bản dài ${formatDuration(durationSeconds)}, vượt khung giờ 1 phút là ${formatDuration(durationSeconds - 60)}`);
      expect(e.message).toContain('Đài truyền thanh phường Bắc Kạn, khung giờ bản tin ngắn lúc 11:00');
    }
  });
});

describe('hostile and invalid input', () => {
  const HOSTILE = 'Tin <b>quan trọng</b> &amp; <script>alert("x")</script>cần\u0007 biết\u202E & nhớ <img src=x onerror=alert(1)>';
  const CLEAN = 'Tin quan trọng và cần biết và nhớ';

  const briefTextFields = ['planSymbol', 'planTitle', 'resolution', 'issuer', 'issuerShort', 'taskTitle', 'leadBody', 'occasionName', 'headline'] as const;

  it('strips markup and control characters from every brief field and reads "&" as "và"', () => {
    const brief: ContentBrief = {
      ...langSonTeachersDay,
      ...Object.fromEntries(briefTextFields.map((f) => [f, HOSTILE])),
      taskId: HOSTILE,
      keyMessages: [HOSTILE, HOSTILE],
      body: [HOSTILE],
      figures: [{ value: 100, unit: 'percent', label: HOSTILE, period: HOSTILE }],
    };
    const { text, sidecar } = renderLoudspeakerScript(input(brief));
    expect(text).not.toMatch(/[<>&\u0000-\u0008\u000B-\u001F\u007F\u202E]/u);
    expect(text).not.toMatch(/script|alert|onerror/u);
    expect(text).toContain(CLEAN);
    expect(findUnspeakable(text)).toEqual([]);
    expect(sidecar.headline).toBe('Tin quan trọng & cần biết & nhớ');
  });

  it('strips markup from locality and slot names', () => {
    const { text, sidecar } = renderLoudspeakerScript({
      brief: langSonTeachersDay,
      locality: { id: 'xa-a', name: 'Xã <i>An</i>\u0000 Bình', station: '<b>Đài</b> truyền thanh xã An Bình' },
      slot: { ...morning, label: 'Buổi <u>sáng</u>' },
    });
    expect(text.startsWith('Đây là Đài truyền thanh xã An Bình.\nKính thưa bà con nhân dân xã An Bình!\n')).toBe(true);
    expect(text).toContain('chương trình phát thanh buổi sáng hôm nay');
    expect(sidecar.localityName).toBe('Xã An Bình');
  });

  const LONG = 'a'.repeat(10_000);
  const longCases: Array<[string, () => LoudspeakerScriptInput]> = [
    ...briefTextFields.map((f): [string, () => LoudspeakerScriptInput] => [`brief.${f}`, () => input({ ...langSonTeachersDay, [f]: LONG })]),
    ['brief.planId', () => input({ ...langSonTeachersDay, planId: LONG })],
    ['brief.occasionId', () => input({ ...langSonTeachersDay, occasionId: LONG })],
    ['brief.keyMessages[1]', () => input({ ...langSonTeachersDay, keyMessages: ['Một.', LONG] })],
    ['brief.body[0]', () => input({ ...langSonTeachersDay, body: [LONG] })],
    ['brief.figures[0].label', () => input({ ...langSonTeachersDay, figures: [{ value: 1, unit: 'count', label: LONG }] })],
    ['brief.figures[0].period', () => input({ ...langSonTeachersDay, figures: [{ value: 1, unit: 'count', label: 'x', period: LONG }] })],
    ['locality.name', () => input(langSonTeachersDay, { locality: { ...bacKan, name: LONG } })],
    ['locality.station', () => input(langSonTeachersDay, { locality: { ...bacKan, station: LONG } })],
    ['slot.label', () => input(langSonTeachersDay, { slot: { ...morning, label: LONG } })],
  ];

  it.each(longCases)('rejects a 10,000-character %s with an error naming it', (field, make) => {
    try {
      renderLoudspeakerScript(make());
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ScriptInputError);
      expect((err as ScriptInputError).field).toBe(field);
      expect((err as Error).message).toMatch(new RegExp(`^Trường "${field.replace(/[[\].]/g, '\\$&')}" dài 10\\.000 ký tự, vượt giới hạn (2\\.000|200) ký tự`, 'u'));
    }
  });

  it('rejects fields of the wrong type, empty required fields and bad slots', () => {
    const expectField = (make: () => LoudspeakerScriptInput, field: string) => {
      let caught: unknown;
      try {
        renderLoudspeakerScript(make());
      } catch (err) {
        caught = err;
      }
      expect(caught, field).toBeInstanceOf(ScriptInputError);
      expect((caught as ScriptInputError).field).toBe(field);
    };
    expectField(() => input({ ...langSonTeachersDay, headline: 42 as never }), 'brief.headline');
    expectField(() => input({ ...langSonTeachersDay, headline: '<script>only markup</script>' }), 'brief.headline');
    expectField(() => input({ ...langSonTeachersDay, keyMessages: [] }), 'brief.keyMessages');
    expectField(() => input({ ...langSonTeachersDay, keyMessages: ['\u0000\u0001'] }), 'brief.keyMessages');
    expectField(() => input({ ...langSonTeachersDay, body: 'không phải danh sách' as never }), 'brief.body');
    expectField(() => input({ ...langSonTeachersDay, figures: [{ value: Number.NaN, unit: 'percent', label: 'x' }] }), 'brief.figures[0].value');
    expectField(() => input(langSonTeachersDay, { slot: { ...morning, start: '6h30' } }), 'slot.start');
    expectField(() => input(langSonTeachersDay, { slot: { ...morning, start: '25:00' } }), 'slot.start');
    expectField(() => input(langSonTeachersDay, { slot: { ...morning, durationMinutes: 0 } }), 'slot.durationMinutes');
    expectField(() => input(langSonTeachersDay, { syllablesPerMinute: -1 }), 'syllablesPerMinute');
    expectField(() => input(langSonTeachersDay, { locality: { id: '', name: 'Xã A' } }), 'locality.id');
  });

  it('fails loudly, naming it, when something cannot be read aloud', () => {
    const brief = { ...langSonTeachersDay, body: ['Liên hệ XYZ qua https://example.org/tin hoặc hạn 31/02/2026.'] };
    try {
      renderLoudspeakerScript(input(brief));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UnspeakableTextError);
      expect((err as UnspeakableTextError).tokens).toEqual(['XYZ', 'https://example.org/tin', '31/02/2026']);
      expect((err as Error).message).toContain('"XYZ"');
    }
  });
});
