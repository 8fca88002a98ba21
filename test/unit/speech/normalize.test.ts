import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS } from '../../../domain/speech/abbreviations.js';
import { normalizeForSpeech } from '../../../domain/speech/normalize.js';
import { findUnspeakable } from '../../../domain/speech/speakable.js';

const say = (text: string) => normalizeForSpeech(text).text;

/** [written, spoken]: every row must come out exactly so, and speakable. */
const TABLE: ReadonlyArray<readonly [string, string]> = [
  // Numbers in running text
  ['có 0 trường hợp', 'Có không trường hợp'],
  ['ít nhất 1 lần', 'Ít nhất một lần'],
  ['nhóm 5 người', 'Nhóm năm người'],
  ['lớp 10 mới', 'Lớp mười mới'],
  ['khối 11 và 14 lớp', 'Khối mười một và mười bốn lớp'],
  ['có 15 xã', 'Có mười lăm xã'],
  ['có 21 xã', 'Có hai mươi mốt xã'],
  ['có 24 phường', 'Có hai mươi tư phường'],
  ['có 25 trường', 'Có hai mươi lăm trường'],
  ['có 101 hộ', 'Có một trăm linh một hộ'],
  ['có 105 hộ', 'Có một trăm linh năm hộ'],
  ['có 110 hộ', 'Có một trăm mười hộ'],
  ['có 115 hộ', 'Có một trăm mười lăm hộ'],
  ['có 1.000 người', 'Có một nghìn người'],
  ['có 1.005 người', 'Có một nghìn không trăm linh năm người'],
  ['năm 2026', 'Năm hai nghìn không trăm hai mươi sáu'],
  ['có 10.000 hộ', 'Có mười nghìn hộ'],
  ['có 1.000.000 người', 'Có một triệu người'],
  ['có 1.000.005 đồng', 'Có một triệu không trăm linh năm đồng'],
  ['hỗ trợ 2.500.000 đồng', 'Hỗ trợ hai triệu năm trăm nghìn đồng'],
  ['tổng 1.000.000.000 đồng', 'Tổng một tỷ đồng'],
  ['tổng 123.456.789.012 đồng', 'Tổng một trăm hai mươi ba tỷ bốn trăm năm mươi sáu triệu bảy trăm tám mươi chín nghìn không trăm mười hai đồng'],
  ['tăng 3,5 lần', 'Tăng ba phẩy năm lần'],
  ['ít nhất 01 hoạt động', 'Ít nhất một hoạt động'],
  ['bảo đảm “06 rõ”', 'Bảo đảm “sáu rõ”'],
  ['Cách mạng công nghiệp 4.0', 'Cách mạng công nghiệp bốn chấm không'],
  ['mạng 5G', 'Mạng năm G'],
  ['lần thứ 1, lần thứ 4, thứ 7', 'Lần thứ nhất, lần thứ tư, thứ bảy'],
  ['Đại hội XIV, quý IV, khóa XV', 'Đại hội mười bốn, quý bốn, khóa mười lăm'],
  ['3/4 số trường', 'Ngày ba tháng tư số trường'],
  ['tỷ lệ 31/02', 'Tỷ lệ ba mươi mốt trên hai'],
  // Percentages
  ['100% cán bộ', 'Một trăm phần trăm cán bộ'],
  ['tối thiểu 70% cán bộ', 'Tối thiểu bảy mươi phần trăm cán bộ'],
  ['đạt 70,5%', 'Đạt bảy mươi phẩy năm phần trăm'],
  ['ít nhất 80 % người dân', 'Ít nhất tám mươi phần trăm người dân'],
  ['tăng 5-10%', 'Tăng từ năm đến mười phần trăm'],
  ['từ 70%-80%', 'Từ bảy mươi đến tám mươi phần trăm'],
  // Dates
  ['Ngày Nhà giáo 20/11', 'Ngày Nhà giáo ngày hai mươi tháng mười một'],
  ['ngày 20/11', 'Ngày hai mươi tháng mười một'],
  ['vào ngày 22/8/2025', 'Vào ngày hai mươi hai tháng tám năm hai nghìn không trăm hai mươi lăm'],
  ['ngày 20/01/2026', 'Ngày hai mươi tháng một năm hai nghìn không trăm hai mươi sáu'],
  ['ngày 02/4/2026', 'Ngày hai tháng tư năm hai nghìn không trăm hai mươi sáu'],
  ['từ 01/01/2021', 'Từ ngày một tháng một năm hai nghìn không trăm hai mươi mốt'],
  ['ngày 29/02/2024', 'Ngày hai mươi chín tháng hai năm hai nghìn không trăm hai mươi tư'],
  ['hạn 15-12-2026', 'Hạn ngày mười lăm tháng mười hai năm hai nghìn không trăm hai mươi sáu'],
  ['tháng 6/2026', 'Tháng sáu năm hai nghìn không trăm hai mươi sáu'],
  ['trước ngày 10 tháng 6 và tháng 4', 'Trước ngày mười tháng sáu và tháng tư'],
  ['định kỳ 6 tháng, 01 năm', 'Định kỳ sáu tháng, một năm'],
  // Times
  ['phát lúc 6h30', 'Phát lúc sáu giờ ba mươi phút'],
  ['phát lúc 06:30', 'Phát lúc sáu giờ ba mươi phút'],
  ['phát lúc 17 giờ', 'Phát lúc mười bảy giờ'],
  ['phát lúc 17h00', 'Phát lúc mười bảy giờ'],
  ['từ 6h05 đến 17 giờ 30 phút', 'Từ sáu giờ năm phút đến mười bảy giờ ba mươi phút'],
  // Ranges
  ['giai đoạn 2026-2030', 'Giai đoạn hai nghìn không trăm hai mươi sáu đến hai nghìn không trăm ba mươi'],
  ['Giai đoạn 2030 – 2035', 'Giai đoạn hai nghìn không trăm ba mươi đến hai nghìn không trăm ba mươi lăm'],
  ['năm học 2025–2026', 'Năm học hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm hai mươi sáu'],
  ['thực hiện 2026-2030', 'Thực hiện từ năm hai nghìn không trăm hai mươi sáu đến năm hai nghìn không trăm ba mươi'],
  ['họp 2-3 buổi', 'Họp từ hai đến ba buổi'],
  // Document symbols
  ['Nghị quyết số 71-NQ/TW', 'Nghị quyết số bảy mươi mốt của Bộ Chính trị'],
  ['Nghị quyết 57-NQ/TW', 'Nghị quyết số năm mươi bảy của Bộ Chính trị'],
  ['Quyết định số 157/QĐ-TTg', 'Quyết định số một trăm năm mươi bảy của Thủ tướng Chính phủ'],
  ['Quyết định 1169/QĐ-TTg', 'Quyết định số một nghìn một trăm sáu mươi chín của Thủ tướng Chính phủ'],
  ['Kế hoạch số 62/KH-UBND', 'Kế hoạch số sáu mươi hai của Ủy ban nhân dân'],
  ['Chương trình hành động số 02-CTr/TU', 'Chương trình hành động số hai của Tỉnh ủy'],
  ['Tờ trình số 673/TTr-SGDĐT', 'Tờ trình số sáu trăm bảy mươi ba của Sở Giáo dục và Đào tạo'],
  ['Thông tư 39/2020/TT-BTTTT', 'Thông tư số ba mươi chín năm hai nghìn không trăm hai mươi của Bộ Thông tin và Truyền thông'],
  ['Luật số 30/2018/QH14', 'Luật số ba mươi năm hai nghìn không trăm mười tám của Quốc hội khóa mười bốn'],
  ['Kết luận 91-KL/TW', 'Kết luận số chín mươi mốt của Bộ Chính trị'],
  ['Chỉ thị 05-CT/TW', 'Chỉ thị số năm của Ban Bí thư'],
  ['theo 62/KH-UBND', 'Theo Kế hoạch số sáu mươi hai của Ủy ban nhân dân'],
  ['Kế hoạch KH-UBND', 'Kế hoạch của Ủy ban nhân dân'],
  ['Kế hoạch số …/KH-UBND của UBND phường', 'Kế hoạch của Ủy ban nhân dân phường'],
  ['và Kế hoạch số .../KH-UBND', 'Và Kế hoạch của Ủy ban nhân dân'],
  [
    'Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị',
    'Nghị quyết số bảy mươi mốt ngày hai mươi hai tháng tám năm hai nghìn không trăm hai mươi lăm của Bộ Chính trị',
  ],
  ['Kế hoạch số 71/KH-UBND của UBND tỉnh Thái Nguyên', 'Kế hoạch số bảy mươi mốt của Ủy ban nhân dân tỉnh Thái Nguyên'],
  // Symbols and layout
  ['Sở GD&ĐT tỉnh & phường', 'Sở Giáo dục và Đào tạo tỉnh và phường'],
  ['xã/phường', 'Xã hoặc phường'],
  ['01 hoạt động/năm', 'Một hoạt động mỗi năm'],
  ['Trang thông tin/Zalo OA/Fanpage (nếu có).', 'Trang thông tin hoặc tài khoản Zalo chính thức hoặc Fanpage, nếu có.'],
  ['- 100% cán bộ được phổ biến.', 'Một trăm phần trăm cán bộ được phổ biến.'],
  ['2.1. Giai đoạn 2026-2030', 'Giai đoạn hai nghìn không trăm hai mươi sáu đến hai nghìn không trăm ba mươi'],
  ['a) Giai đoạn đầu', 'Giai đoạn đầu'],
  ['II. MỤC TIÊU', 'MỤC TIÊU'],
  ['+ Xây dựng góc truyền thông', 'Xây dựng góc truyền thông'],
  ['- *Cơ quan thực hiện:* Sở Nội vụ', 'Cơ quan thực hiện: Sở Nội vụ'],
  ['để xem xét, quyết định./.', 'Để xem xét, quyết định.'],
  ['nhiệt độ 35°C, gió 60 km/h', 'Nhiệt độ ba mươi lăm độ C, gió sáu mươi ki-lô-mét mỗi giờ'],
  ['mưa 20-25 mm', 'Mưa từ hai mươi đến hai mươi lăm mi-li-mét'],
];

describe('normalizeForSpeech: table', () => {
  it('has at least 60 rows', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(TABLE)('%s', (written, spoken) => {
    const out = say(written);
    expect(out).toBe(spoken);
  });

  it.each(TABLE)('leaves nothing unspeakable: %s', (written) => {
    expect(findUnspeakable(say(written))).toEqual([]);
  });
});

describe('normalizeForSpeech: every abbreviation in the table', () => {
  it.each(ABBREVIATIONS.map((a) => [a.written, a.spoken] as const))('%s → %s', (written, spoken) => {
    const out = say(`Thông tin ${written} hôm nay`);
    expect(out).toBe(`Thông tin ${spoken} hôm nay`);
    expect(findUnspeakable(out)).toEqual([]);
  });

  it('capitalises an abbreviation that opens a sentence', () => {
    expect(say('KHCN là động lực. CĐS là nhiệm vụ.')).toBe('Khoa học và công nghệ là động lực. Chuyển đổi số là nhiệm vụ.');
  });

  it('does not expand inside longer words or codes', () => {
    expect(say('UBNDX và TPHCMX')).toBe('UBNDX và TPHCMX');
    expect(say('UBMTTQ Việt Nam')).toBe('Ủy ban Mặt trận Tổ quốc Việt Nam');
  });

  it('reads "TP.HCM" and keeps the sentence end after "v.v."', () => {
    expect(say('TP.HCM, TP. Huế')).toBe('Thành phố Hồ Chí Minh, thành phố Huế');
    expect(say('trường, lớp, v.v. Sau đó')).toBe('Trường, lớp, vân vân. Sau đó');
  });
});

describe('normalizeForSpeech: context', () => {
  it('names the full issuer of a known symbol', () => {
    const out = normalizeForSpeech('Thực hiện Kế hoạch số 62/KH-UBND.', { symbolIssuers: { '62/KH-UBND': 'Ủy ban nhân dân tỉnh Lạng Sơn' } });
    expect(out.text).toBe('Thực hiện Kế hoạch số sáu mươi hai của Ủy ban nhân dân tỉnh Lạng Sơn.');
  });

  it('does not repeat an issuer the sentence already names', () => {
    expect(say('Tờ trình của Sở Giáo dục và Đào tạo tại Tờ trình số 673/TTr-SGDĐT')).toBe(
      'Tờ trình của Sở Giáo dục và Đào tạo tại Tờ trình số sáu trăm bảy mươi ba',
    );
  });

  it('accepts extra abbreviations', () => {
    const out = normalizeForSpeech('Tổ dân phố TDP số 3', { extraAbbreviations: [{ written: 'TDP', spoken: 'tổ dân phố' }] });
    expect(out.text).toBe('Tổ dân phố tổ dân phố số ba');
  });

  it('lists what it expanded, by kind', () => {
    const { expansions } = normalizeForSpeech('UBND phường: 100% cán bộ, ngày 20/11 lúc 6h30, Nghị quyết số 71-NQ/TW, giai đoạn 2026-2030, 01 lần.');
    const kinds = new Set(expansions.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['abbreviation', 'percent', 'date', 'time', 'symbol', 'range', 'number']));
    expect(expansions).toContainEqual({ original: 'UBND', spoken: 'Ủy ban nhân dân', kind: 'abbreviation' });
    expect(expansions).toContainEqual({ original: '71-NQ/TW', spoken: 'bảy mươi mốt của Bộ Chính trị', kind: 'symbol' });
    expect(expansions).toContainEqual({ original: '100%', spoken: 'một trăm phần trăm', kind: 'percent' });
    expect(expansions).toContainEqual({ original: 'ngày 20/11', spoken: 'ngày hai mươi tháng mười một', kind: 'date' });
  });

  it('leaves what it cannot read for the check to report', () => {
    const out = say('Hạn 29/02/2025, xem https://example.org/tin hoặc hỏi ban@example.org, mã XYZ.');
    expect(findUnspeakable(out)).toEqual(['29/02/2025', 'https://example.org/tin', 'ban@example.org', 'XYZ']);
  });

  it('removes control, bidi and zero-width characters without splitting the words they sit in', () => {
    // Invisible on the page the text was copied from, so the words read as they looked there.
    expect(say('Ngh\u200Bị quy\u00ADết\u0007 về gi\u202Eáo d\u0000ục')).toBe('Nghị quyết về giáo dục');
    expect(say('a\u0007b\u202Ec\u200Bd\u0000e')).toBe('Abcde');
  });

  it('handles a 10,000-character text quickly', () => {
    const text = 'UBND phường có 2.026 hộ & 100% trẻ em đến trường ngày 5/9. '.repeat(170);
    expect(text.length).toBeGreaterThan(10_000);
    const started = performance.now();
    const out = say(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(findUnspeakable(out)).toEqual([]);
  });
});

describe('normalizeForSpeech: an abbreviation next to its own expansion is read once', () => {
  it.each([
    ['Ứng dụng trí tuệ nhân tạo (AI) trong dạy học.', 'Ứng dụng trí tuệ nhân tạo trong dạy học.'],
    ['Ứng dụng AI (trí tuệ nhân tạo) trong dạy học.', 'Ứng dụng trí tuệ nhân tạo trong dạy học.'],
    ['Trí tuệ nhân tạo (AI) hỗ trợ giáo viên.', 'Trí tuệ nhân tạo hỗ trợ giáo viên.'],
    ['Ủy ban nhân dân (UBND) phường chủ trì.', 'Ủy ban nhân dân phường chủ trì.'],
    ['Sở Giáo dục và Đào tạo (Sở GD&ĐT) chủ trì.', 'Sở Giáo dục và Đào tạo, Sở Giáo dục và Đào tạo, chủ trì.'],
    ['Đẩy mạnh chuyển đổi số (CĐS) và khoa học, công nghệ (KH&CN).', 'Đẩy mạnh chuyển đổi số và khoa học, công nghệ.'],
  ])('%s', (written, spoken) => {
    expect(say(written)).toBe(spoken);
  });

  it('reads a body the text defines by its initials, there and in later uses', () => {
    const out = say('Trung tâm Dịch vụ tổng hợp (TTDVTH) phối hợp; TTDVTH phát bản tin hằng ngày.');
    expect(out).toBe('Trung tâm Dịch vụ tổng hợp phối hợp; Trung tâm Dịch vụ tổng hợp phát bản tin hằng ngày.');
    expect(findUnspeakable(out)).toEqual([]);
  });

  it('still reads a parenthesis that is not the expansion', () => {
    expect(say('Ứng dụng AI (nếu có điều kiện) trong dạy học.')).toBe('Ứng dụng trí tuệ nhân tạo, nếu có điều kiện, trong dạy học.');
  });
});

describe('normalizeForSpeech: HTML character references in pasted text', () => {
  it.each([
    ['Gi&aacute;o d&#7909;c v&agrave; &#x110;&agrave;o t&#7841;o', 'Giáo dục và Đào tạo'],
    ['&ocirc;ng b&agrave; &amp; con ch&aacute;u', 'Ông bà và con cháu'],
    ['Sở GD&amp;ĐT tỉnh', 'Sở Giáo dục và Đào tạo tỉnh'],
    ['Ph&#432;&#7901;ng B&#7855;c K&#7841;n&nbsp;có 100&percnt; trường', 'Phường Bắc Kạn có một trăm phần trăm trường'],
    ['tr&#x1EBB; em &ndash; h&#7885;c sinh', 'Trẻ em - học sinh'],
  ])('%s', (written, spoken) => {
    const out = say(written);
    expect(out).toBe(spoken);
    expect(out).not.toMatch(/[&;]|aacute|ocirc/);
  });
});

describe('normalizeForSpeech: a task written per body is read item by item', () => {
  const SPOKEN = [
    'Sở Giáo dục và Đào tạo:',
    'Chủ trì tổ chức tuyên truyền trên Cổng thông tin điện tử.',
    'Hướng dẫn các trường học sinh hoạt chuyên đề.',
    'Ủy ban nhân dân các xã, phường:',
    'Tuyên truyền trên hệ thống truyền thanh cơ sở.',
  ].join('\n');

  it('one item a line', () => {
    const written = [
      'a) Sở GD&ĐT:',
      '- Chủ trì tổ chức tuyên truyền trên Cổng TTĐT',
      '- Hướng dẫn các trường học sinh hoạt chuyên đề;',
      'b) UBND các xã, phường:',
      '- Tuyên truyền trên hệ thống truyền thanh cơ sở.',
    ].join('\n');
    expect(say(written)).toBe(SPOKEN);
  });

  it('items run together on one line', () => {
    const written =
      'a) Sở GD&ĐT: - Chủ trì tổ chức tuyên truyền trên Cổng TTĐT; - Hướng dẫn các trường học sinh hoạt chuyên đề. ' +
      'b) UBND các xã, phường: - Tuyên truyền trên hệ thống truyền thanh cơ sở.';
    expect(say(written)).toBe(SPOKEN);
  });

  it('keeps a dash inside a name', () => {
    expect(say('Phòng Văn hóa - Xã hội: - Chủ trì thực hiện.')).toBe('Phòng Văn hóa - Xã hội:\nChủ trì thực hiện.');
  });
});
