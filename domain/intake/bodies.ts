/**
 * Names of bodies in plan sentences: splitting "Sở Văn hóa, Thể thao và Du lịch, Sở Khoa học và
 * Công nghệ, Báo và Phát thanh, Truyền hình Lạng Sơn và các cơ quan liên quan" into its four
 * bodies (commas and "và" inside a name stay), and finding the bodies a sentence names after a
 * verb ("báo cáo UBND tỉnh và Bộ Giáo dục và Đào tạo theo quy định"). Pure.
 */

/** Words a body's name starts with. */
const HEADS = [
  'Sở', 'Ban', 'Bộ', 'Phòng', 'UBND', 'Ủy ban', 'Uỷ ban', 'HĐND', 'Hội đồng', 'Báo', 'Đài', 'Trung tâm', 'Trung Tâm', 'Văn phòng', 'Thanh tra',
  'Công an', 'Cục', 'Chi cục', 'Viện', 'Trường', 'Đoàn', 'Hội', 'Liên đoàn', 'Mặt trận', 'Tỉnh ủy', 'Tỉnh đoàn', 'Thành ủy', 'Đảng ủy',
  'Kho bạc', 'Bảo hiểm', 'Ngân hàng', 'Cổng', 'Thủ tướng', 'Chính phủ', 'Bộ Chỉ huy', 'Cơ quan', 'Thường trực', 'Lãnh đạo', 'Đề nghị',
];
const COLLECTIVE = /^(?:các|Các|cơ quan|đơn vị|địa phương)\s*(?:sở|cơ quan|cơ sở|đơn vị|trường|tổ chức|đoàn thể|phòng|doanh nghiệp|địa phương|xã|ban|ngành|hội|tổ dân phố|thôn|bộ|viện|nhà trường|Trường|\p{L})/u;

function startsBody(s: string): boolean {
  const t = s.trimStart();
  if (COLLECTIVE.test(t)) return true;
  return HEADS.some((h) => t.startsWith(`${h} `) || t === h || t.startsWith(`${h},`));
}

export const capitalize = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** Splits a list of bodies at ",", ";" and "và" where the next words start a new body. */
export function splitBodies(list: string): string[] {
  const text = list.replace(/\s+/gu, ' ').trim().replace(/[.;,]+$/u, '');
  const out: string[] = [];
  let current = '';
  const parts = text.split(/(;\s*|,\s*|\s+và\s+)/u);
  for (let i = 0; i < parts.length; i += 2) {
    const piece = parts[i] ?? '';
    const sep = parts[i - 1] ?? '';
    if (current === '') current = piece;
    else if (sep.trim() === ';' || startsBody(piece)) {
      out.push(current);
      current = piece;
    } else current += `${sep}${piece}`;
  }
  if (current.trim() !== '') out.push(current);
  return out.map((b) => capitalize(b.trim().replace(/^(?:và|với)\s+/u, ''))).filter((b) => b.length > 1);
}

/** Where a list of bodies stops: the verb or phrase that follows it. */
const LIST_END = /\s+(?:theo\s+(?:quy định|thẩm quyền|chức năng|hướng dẫn)|để\s|trước ngày|định kỳ|kịp thời|tổ chức|triển khai|thực hiện|chủ trì|phối hợp|xây dựng|hằng năm|về\s+(?:kết quả|việc|tình hình)|(?:trong|tại) (?:quá trình|địa phương))/u;

/** The bodies named at the start of `text` (e.g. what follows "báo cáo"), up to the phrase that ends the list. */
export function leadingBodies(text: string): string[] {
  const t = text.replace(/^\s*(?:về|cho|lên|gửi|tới|đến)\s+/u, '');
  if (!startsBody(t)) return [];
  const cut = LIST_END.exec(t);
  let list = cut ? t.slice(0, cut.index) : t;
  list = list.split(/[.:]/u)[0] ?? list;
  return splitBodies(list);
}
