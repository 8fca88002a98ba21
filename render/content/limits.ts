/**
 * Documented limits for every text that goes into a web post or a press briefing. A value over
 * its limit is rejected (never silently cut), with a Vietnamese message naming the field.
 * Lengths count Unicode code points after control characters are stripped.
 */
export const TEXT_LIMITS = {
  headline: { label: 'Tiêu đề', max: 300 },
  planSymbol: { label: 'Số, ký hiệu kế hoạch', max: 60 },
  planTitle: { label: 'Tên kế hoạch', max: 1_000 },
  resolution: { label: 'Nghị quyết thực hiện', max: 300 },
  issuer: { label: 'Cơ quan ban hành', max: 300 },
  issuerShort: { label: 'Tên ngắn của cơ quan ban hành', max: 150 },
  taskNumber: { label: 'Số thứ tự nhiệm vụ', max: 120 },
  taskTitle: { label: 'Tên nhiệm vụ', max: 500 },
  leadBody: { label: 'Cơ quan chủ trì', max: 300 },
  occasionName: { label: 'Tên dịp', max: 200 },
  keyMessage: { label: 'Thông điệp chính', max: 1_000 },
  figureLabel: { label: 'Nhãn số liệu', max: 300 },
  figurePeriod: { label: 'Giai đoạn của số liệu', max: 50 },
  paragraph: { label: 'Đoạn nội dung', max: 5_000 },
  tag: { label: 'Thẻ', max: 60 },
  id: { label: 'Mã', max: 120 },
  personName: { label: 'Họ tên', max: 200 },
  outlet: { label: 'Cơ quan báo chí', max: 300 },
  role: { label: 'Chức vụ', max: 200 },
  phone: { label: 'Số điện thoại', max: 30 },
  email: { label: 'Địa chỉ email', max: 254 },
  url: { label: 'Địa chỉ trang', max: 2_000 },
  alt: { label: 'Mô tả ảnh (alt)', max: 1_000 },
  caption: { label: 'Chú thích ảnh', max: 500 },
  siteTitle: { label: 'Tên trang tin', max: 200 },
} as const;

/** How many items a list field may hold. */
export const LIST_LIMITS = {
  keyMessages: { label: 'Thông điệp chính', max: 10 },
  figures: { label: 'Số liệu', max: 20 },
  body: { label: 'Đoạn nội dung', max: 200 },
  tags: { label: 'Thẻ', max: 20 },
} as const;

export type TextLimitName = keyof typeof TEXT_LIMITS;
