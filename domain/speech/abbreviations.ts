/**
 * Abbreviations and document-symbol codes, with how each is read aloud. Data only; the matching
 * lives in normalize.ts and document-symbols.ts.
 *
 * Entries are matched case-sensitively, as whole tokens (not inside a longer word). Longer entries
 * win over shorter ones ("UBMTTQ" before "MTTQ", "GD&ĐT" before anything else).
 */

/** One abbreviation and its spoken form. */
export interface Abbreviation {
  /** As written, e.g. "UBND". */
  readonly written: string;
  /** As read, e.g. "Ủy ban nhân dân". */
  readonly spoken: string;
}

/** General abbreviations found in plans, briefs and commune bulletins. */
export const ABBREVIATIONS: readonly Abbreviation[] = [
  // Government and Party bodies
  { written: 'UBND', spoken: 'Ủy ban nhân dân' },
  { written: 'HĐND', spoken: 'Hội đồng nhân dân' },
  { written: 'HDND', spoken: 'Hội đồng nhân dân' },
  { written: 'UBMTTQ', spoken: 'Ủy ban Mặt trận Tổ quốc' },
  { written: 'MTTQ', spoken: 'Mặt trận Tổ quốc' },
  { written: 'TW', spoken: 'Trung ương' },
  { written: 'TU', spoken: 'Tỉnh ủy' },
  { written: 'BCH', spoken: 'Ban Chấp hành' },
  { written: 'BCĐ', spoken: 'Ban Chỉ đạo' },
  { written: 'ĐBQH', spoken: 'đại biểu Quốc hội' },
  { written: 'PCT', spoken: 'Phó Chủ tịch' },
  { written: 'CVP', spoken: 'Chánh Văn phòng' },
  { written: 'PCVP', spoken: 'Phó Chánh Văn phòng' },
  { written: 'TNCS', spoken: 'Thanh niên Cộng sản' },
  { written: 'HCM', spoken: 'Hồ Chí Minh' },
  { written: 'CAND', spoken: 'Công an nhân dân' },
  { written: 'QĐND', spoken: 'Quân đội nhân dân' },
  { written: 'HTX', spoken: 'hợp tác xã' },
  // Fields and sectors
  { written: 'GD&ĐT', spoken: 'Giáo dục và Đào tạo' },
  { written: 'GD&DT', spoken: 'Giáo dục và Đào tạo' },
  { written: 'GDĐT', spoken: 'Giáo dục và Đào tạo' },
  { written: 'VH-XH', spoken: 'Văn hóa - Xã hội' },
  { written: 'VHXH', spoken: 'văn hóa - xã hội' },
  { written: 'KT-XH', spoken: 'kinh tế - xã hội' },
  { written: 'KTXH', spoken: 'kinh tế - xã hội' },
  { written: 'VHTTDL', spoken: 'Văn hóa, Thể thao và Du lịch' },
  { written: 'KHCN', spoken: 'khoa học và công nghệ' },
  { written: 'KH&CN', spoken: 'khoa học và công nghệ' },
  { written: 'ĐMST', spoken: 'đổi mới sáng tạo' },
  { written: 'DMST', spoken: 'đổi mới sáng tạo' },
  { written: 'CĐS', spoken: 'chuyển đổi số' },
  { written: 'CNTT-VT', spoken: 'công nghệ thông tin - viễn thông' },
  { written: 'CNTT', spoken: 'công nghệ thông tin' },
  { written: 'TTĐT', spoken: 'thông tin điện tử' },
  { written: 'AI', spoken: 'trí tuệ nhân tạo' },
  { written: 'ATGT', spoken: 'an toàn giao thông' },
  { written: 'ANTT', spoken: 'an ninh trật tự' },
  { written: 'PCCC', spoken: 'phòng cháy, chữa cháy' },
  { written: 'BHYT', spoken: 'bảo hiểm y tế' },
  { written: 'BHXH', spoken: 'bảo hiểm xã hội' },
  // Schools and people
  { written: 'THPT', spoken: 'trung học phổ thông' },
  { written: 'THCS', spoken: 'trung học cơ sở' },
  { written: 'ĐH', spoken: 'đại học' },
  { written: 'CĐ', spoken: 'cao đẳng' },
  { written: 'BGH', spoken: 'Ban Giám hiệu' },
  { written: 'CBCCVC', spoken: 'cán bộ, công chức, viên chức' },
  { written: 'CBQL', spoken: 'cán bộ quản lý' },
  { written: 'PHHS', spoken: 'phụ huynh học sinh' },
  { written: 'GV', spoken: 'giáo viên' },
  { written: 'HS', spoken: 'học sinh' },
  { written: 'SV', spoken: 'sinh viên' },
  // Places, platforms, money
  { written: 'TP.', spoken: 'thành phố' },
  { written: 'TP', spoken: 'thành phố' },
  { written: 'Zalo OA', spoken: 'tài khoản Zalo chính thức' },
  { written: 'VNĐ', spoken: 'đồng' },
  // Lower-case forms
  { written: 'v.v.', spoken: 'vân vân' },
  { written: 'b/c', spoken: 'báo cáo' },
];

/** Document type codes in symbols ("NQ" in "71-NQ/TW") and their names. */
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  QD: 'Quyết định',
  KH: 'Kế hoạch',
  CTr: 'Chương trình',
  CT: 'Chỉ thị',
  KL: 'Kết luận',
  TT: 'Thông tư',
  TTr: 'Tờ trình',
  NĐ: 'Nghị định',
  ND: 'Nghị định',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  CV: 'Công văn',
  QC: 'Quy chế',
  ĐA: 'Đề án',
};

/** Issuer codes in symbols ("TTg" in "157/QĐ-TTg") and the body they name. */
export const DOCUMENT_ISSUERS: Readonly<Record<string, string>> = {
  TW: 'Trung ương',
  TU: 'Tỉnh ủy',
  ĐU: 'Đảng ủy',
  TTg: 'Thủ tướng Chính phủ',
  CP: 'Chính phủ',
  VPCP: 'Văn phòng Chính phủ',
  UBND: 'Ủy ban nhân dân',
  HĐND: 'Hội đồng nhân dân',
  HDND: 'Hội đồng nhân dân',
  UBMTTQ: 'Ủy ban Mặt trận Tổ quốc',
  BCĐ: 'Ban Chỉ đạo',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BGDĐT: 'Bộ Giáo dục và Đào tạo',
  BGDDT: 'Bộ Giáo dục và Đào tạo',
  BKHCN: 'Bộ Khoa học và Công nghệ',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch',
  BNV: 'Bộ Nội vụ',
  BTC: 'Bộ Tài chính',
  SGDĐT: 'Sở Giáo dục và Đào tạo',
  SGDDT: 'Sở Giáo dục và Đào tạo',
  SKHCN: 'Sở Khoa học và Công nghệ',
  SVHTTDL: 'Sở Văn hóa, Thể thao và Du lịch',
  SNV: 'Sở Nội vụ',
  STC: 'Sở Tài chính',
};

/**
 * Central Party documents name a more precise issuer than "Trung ương": resolutions and
 * conclusions "…/TW" come from the Politburo (Bộ Chính trị), directives and notices from the
 * Secretariat (Ban Bí thư).
 */
export const PARTY_CENTRAL_ISSUERS: Readonly<Record<string, string>> = {
  NQ: 'Bộ Chính trị',
  KL: 'Bộ Chính trị',
  QĐ: 'Bộ Chính trị',
  CT: 'Ban Bí thư',
  TB: 'Ban Bí thư',
};
