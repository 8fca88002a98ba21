/**
 * The closed vocabularies a plan file uses: channels, audiences, issuer tiers, timeframe kinds,
 * report cadences and metric kinds. Each is an `as const` object with a type of the same name
 * and a Vietnamese label for people.
 */

/** Communication channels the plans name. An unknown channel in a plan file is an error. */
export const Channel = {
  /** Hệ thống truyền thanh cơ sở: announcer or IP loudspeakers, in fixed daily slots. */
  loudspeaker: 'loudspeaker',
  /** Cổng / Trang thông tin điện tử: news posts in a dedicated section. */
  webPortal: 'webPortal',
  /** Cung cấp thông tin cho báo chí: briefings to journalists by email. */
  pressBriefing: 'pressBriefing',
  /** Tin, bài, phóng sự, tọa đàm on newspapers, radio and television. */
  press: 'press',
  /** Mạng xã hội chính thống: Zalo OA, Zalo groups, Fanpage, YouTube. */
  social: 'social',
  /** Bảng tin điện tử: landscape screens. */
  eBoard: 'eBoard',
  /** Pano, áp phích, góc truyền thông. */
  poster: 'poster',
  infographic: 'infographic',
  /** Video ngắn. */
  video: 'video',
  /** Bộ câu hỏi - đáp. */
  qaSet: 'qaSet',
  /** Trực tiếp: hội nghị, sinh hoạt chuyên đề, sinh hoạt dưới cờ, tọa đàm, họp tổ dân phố. */
  meeting: 'meeting',
  /** Thông tin đối ngoại, báo chí đối ngoại: information for foreign audiences and foreign press. */
  foreignInformation: 'foreignInformation',
  /** Trợ lý ảo, chatbot AI answering questions about the policy. */
  aiChatbot: 'aiChatbot',
  /** Phát trực tiếp (livestream) on social platforms. */
  livestream: 'livestream',
  /** Motion graphics (animated explainers). */
  motionGraphics: 'motionGraphics',
  /** Bản tin điện tử gửi qua thư (e-newsletter). */
  eNewsletter: 'eNewsletter',
  /** Ấn phẩm: sách, tài liệu, tờ gấp, đặc san. */
  publication: 'publication',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

/** Vietnamese name of each channel. */
export const channelLabels: Record<Channel, string> = {
  loudspeaker: 'truyền thanh cơ sở',
  webPortal: 'cổng/trang thông tin điện tử',
  pressBriefing: 'cung cấp thông tin cho báo chí',
  press: 'báo chí, phát thanh, truyền hình',
  social: 'mạng xã hội, Zalo, Fanpage',
  eBoard: 'bảng tin điện tử',
  poster: 'pano, áp phích',
  infographic: 'infographic',
  video: 'video ngắn',
  qaSet: 'bộ câu hỏi - đáp',
  meeting: 'hội nghị, tọa đàm trực tiếp',
  foreignInformation: 'thông tin đối ngoại, báo chí đối ngoại',
  aiChatbot: 'trợ lý ảo, chatbot AI',
  livestream: 'phát trực tiếp (livestream)',
  motionGraphics: 'motion graphics',
  eNewsletter: 'bản tin điện tử (e-newsletter)',
  publication: 'ấn phẩm, tài liệu',
};

/** Groups of people a task or target addresses. */
export const Audience = {
  officials: 'officials',
  partyMembers: 'partyMembers',
  educators: 'educators',
  learners: 'learners',
  parents: 'parents',
  public: 'public',
  communicationStaff: 'communicationStaff',
  pressAgencies: 'pressAgencies',
  educationInstitutions: 'educationInstitutions',
  massOrganisations: 'massOrganisations',
  enterprises: 'enterprises',
  scientists: 'scientists',
  stateAgencies: 'stateAgencies',
} as const;
export type Audience = (typeof Audience)[keyof typeof Audience];

/** Vietnamese name of each audience. */
export const audienceLabels: Record<Audience, string> = {
  officials: 'cán bộ, công chức, viên chức, người lao động',
  partyMembers: 'đảng viên',
  educators: 'cán bộ quản lý giáo dục, giáo viên, nhân viên',
  learners: 'học sinh, sinh viên, học viên',
  parents: 'phụ huynh',
  public: 'Nhân dân',
  communicationStaff: 'cán bộ làm công tác truyền thông',
  pressAgencies: 'cơ quan báo chí',
  educationInstitutions: 'cơ sở giáo dục',
  massOrganisations: 'đoàn viên, hội viên các đoàn thể',
  enterprises: 'doanh nghiệp',
  scientists: 'nhà khoa học, đội ngũ trí thức',
  stateAgencies: 'cơ quan nhà nước',
};

/** Tier of the issuing People's Committee (two-tier local government since 1/7/2025). */
export const IssuerTier = { province: 'province', city: 'city', commune: 'commune' } as const;
export type IssuerTier = (typeof IssuerTier)[keyof typeof IssuerTier];

export const issuerTierLabels: Record<IssuerTier, string> = {
  province: 'cấp tỉnh',
  city: 'thành phố trực thuộc trung ương',
  commune: 'cấp xã (xã, phường, đặc khu)',
};

/** How a task's timeframe is stated. */
export const TimeframeKind = { ongoing: 'ongoing', yearly: 'yearly', range: 'range', dates: 'dates', afterEvent: 'afterEvent', unstated: 'unstated' } as const;
export type TimeframeKind = (typeof TimeframeKind)[keyof typeof TimeframeKind];

export const timeframeKindLabels: Record<TimeframeKind, string> = {
  ongoing: 'Thường xuyên',
  yearly: 'Hằng năm',
  range: 'Trong khoảng thời gian',
  dates: 'Vào các ngày cụ thể',
  afterEvent: 'Sau khi một việc khác hoàn thành',
  unstated: 'Văn bản không nêu',
};

/** How often a report is due. */
export const ReportCadence = {
  periodic: 'periodic',
  asRegulated: 'asRegulated',
  monthly: 'monthly',
  quarterly: 'quarterly',
  semiannual: 'semiannual',
  annual: 'annual',
  whenNeeded: 'whenNeeded',
  adHoc: 'adHoc',
} as const;
export type ReportCadence = (typeof ReportCadence)[keyof typeof ReportCadence];

export const reportCadenceLabels: Record<ReportCadence, string> = {
  periodic: 'định kỳ (văn bản không nêu kỳ hạn)',
  asRegulated: 'theo quy định',
  monthly: 'hằng tháng',
  quarterly: 'hằng quý',
  semiannual: 'định kỳ 6 tháng và hằng năm',
  annual: 'hằng năm',
  whenNeeded: 'khi phát sinh',
  adHoc: 'đột xuất (khi được yêu cầu)',
};

/** The measurable form of a target. */
export const MetricKind = { percent: 'percent', count: 'count', perYear: 'perYear' } as const;
export type MetricKind = (typeof MetricKind)[keyof typeof MetricKind];

export const metricKindLabels: Record<MetricKind, string> = {
  percent: 'tỷ lệ phần trăm',
  count: 'số lượng',
  perYear: 'số lượng mỗi năm',
};

/**
 * How a target's number is bounded, as the plan words it: "100%" is exact; "Tối thiểu 70%",
 * "ít nhất 01", "không dưới 80%" are atLeast; "trên 90%" above; "tối đa", "không quá" atMost;
 * "dưới" below. Dropping the bound changes what the plan says.
 */
export const Bound = { exact: 'exact', atLeast: 'atLeast', above: 'above', atMost: 'atMost', below: 'below' } as const;
export type Bound = (typeof Bound)[keyof typeof Bound];

/** What each bound means, for messages to editors. */
export const boundLabels: Record<Bound, string> = {
  exact: 'đúng bằng',
  atLeast: 'tối thiểu, ít nhất, không dưới',
  above: 'trên, hơn',
  atMost: 'tối đa, không quá',
  below: 'dưới',
};

/** "code (label)" list used in error messages, e.g. `loudspeaker (truyền thanh cơ sở), …`. */
export function describeChoices(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([code, label]) => `${code} (${label})`)
    .join(', ');
}
