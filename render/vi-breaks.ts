/**
 * Line-break preferences for Vietnamese headlines. Vietnamese writes one syllable per word, so
 * a break between the two syllables of a compound ("giáo | dục") reads badly, while a break
 * before a connective ("… | về đột phá") or after punctuation reads naturally. Pure data and
 * a scoring function used by layout's balanced line breaking.
 */

/** Common two-syllable compounds in government communication (lower case). */
const COMPOUNDS = new Set(
  [
    'giáo dục', 'đào tạo', 'nghị quyết', 'quyết định', 'kế hoạch', 'truyền thông', 'phát triển', 'thực hiện',
    'đột phá', 'việt nam', 'nhà giáo', 'cán bộ', 'công chức', 'viên chức', 'quán triệt', 'phổ biến',
    'chuyển đổi', 'đổi mới', 'sáng tạo', 'khoa học', 'công nghệ', 'học sinh', 'sinh viên', 'nhân dân',
    'ủy ban', 'năm học', 'hiệu quả', 'nâng cao', 'năng lực', 'bồi dưỡng', 'chuyên đề', 'chuyên mục',
    'chuyên trang', 'hoạt động', 'tôn vinh', 'lan tỏa', 'mô hình', 'cách làm', 'đẩy mạnh', 'tăng cường',
    'xây dựng', 'thông tin', 'cơ sở', 'chính trị', 'trách nhiệm', 'quốc sách', 'hàng đầu', 'toàn dân',
    'nhà nước', 'đội ngũ', 'ứng dụng', 'đa dạng', 'phương thức', 'chính sách', 'chủ trương', 'kết quả',
    'nhiệm vụ', 'giải pháp', 'mục tiêu', 'tổ chức', 'triển khai', 'thường xuyên', 'hằng năm', 'khen thưởng',
    'biểu dương', 'điển hình', 'tiên tiến', 'báo chí', 'cơ quan', 'đơn vị', 'địa phương', 'địa bàn',
    'hưởng ứng', 'thiết thực', 'khai giảng', 'tổng kết', 'thầy cô', 'nhà trường', 'số hóa', 'kỹ năng',
    'bình dân', 'học vụ', 'người dân', 'xã hội', 'kinh tế', 'tổ quốc', 'mặt trận', 'thủ tướng', 'chính phủ',
    'hội nghị', 'hội thảo', 'tọa đàm', 'cuộc thi', 'phong trào', 'học tập', 'sự nghiệp', 'đất nước',
  ].map((s) => s.normalize('NFC')),
);

/** Words a line reads well starting with. */
const CONNECTIVES = new Set(
  ['về', 'của', 'và', 'trong', 'cho', 'với', 'để', 'tại', 'nhằm', 'theo', 'trên', 'đến', 'vì', 'từ', 'là', 'khi', 'hoặc', 'gắn', 'góp', 'vào'].map(
    (s) => s.normalize('NFC'),
  ),
);

const lower = (s: string) => s.toLocaleLowerCase('vi').replace(/[^\p{L}\p{N}]+$/u, '').replace(/^[^\p{L}\p{N}]+/u, '');

/**
 * Cost (0 = ideal … 1 = worst) of breaking a line between `before` and `after` (single words,
 * possibly with no-break-space glue inside).
 */
export function breakCost(before: string, after: string): number {
  const last = before.split('\u00A0').pop() ?? before;
  const first = after.split('\u00A0')[0] ?? after;
  if (/[,;:.!?)]$/.test(last)) return 0;
  const a = lower(last);
  const b = lower(first);
  if (COMPOUNDS.has(`${a} ${b}`)) return 1;
  if (CONNECTIVES.has(a)) return 0.6;
  if (CONNECTIVES.has(b)) return 0.05;
  return 0.3;
}
