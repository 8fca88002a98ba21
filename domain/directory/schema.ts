/**
 * The directory of units: every organisation that issues plans or carries them out — a province
 * or centrally-run city, its departments (Sở) and its commune-tier units (xã, phường, đặc khu;
 * no districts since 1/7/2025) — with what each owns: its broadcast system (stations or
 * loudspeaker clusters, one per thôn or tổ dân phố), its web portal, its media list, its editors
 * and the plans it issued. Pure zod schemas; no I/O.
 */
import { z } from 'zod';
import { broadcastSlotSchema, LocalityTier, localityTierLabels, operatorSchema, ttsSchema } from '../localities.js';
import { journalistSchema, pressContactSchema } from '../media-list.js';
import { email, need, slug, text } from '../plan/fields.js';
import { stationJingleSchema } from './jingle.js';

/** The tier of a unit. Districts are gone since 1/7/2025. */
export const UnitTier = { province: 'province', city: 'city', department: 'department', commune: 'commune' } as const;
export type UnitTier = (typeof UnitTier)[keyof typeof UnitTier];
export const unitTierLabels: Record<UnitTier, string> = {
  province: 'tỉnh',
  city: 'thành phố trực thuộc trung ương',
  department: 'sở, ngành',
  commune: 'cấp xã',
};

/** Kinds of commune-tier unit: xã, phường, đặc khu (the same codes as a locality's tier). */
export const CommuneKind = LocalityTier;
export type CommuneKind = LocalityTier;
export const communeKindLabels = localityTierLabels;

/** Roles an editor holds in a unit. */
export const EditorRole = { editor: 'editor', leader: 'leader', admin: 'admin' } as const;
export type EditorRole = (typeof EditorRole)[keyof typeof EditorRole];
export const editorRoleLabels: Record<EditorRole, string> = { editor: 'biên tập viên', leader: 'lãnh đạo', admin: 'quản trị' };

/** Station kinds: a commune's central station, or a loudspeaker cluster of one thôn / tổ dân phố. */
export const StationKind = { station: 'station', cluster: 'cluster' } as const;
export type StationKind = (typeof StationKind)[keyof typeof StationKind];
export const stationKindLabels: Record<StationKind, string> = { station: 'đài truyền thanh', cluster: 'cụm loa' };

const enumOf = <T extends string>(labels: Record<T, string>, what: string) => {
  const codes = Object.keys(labels) as [T, ...T[]];
  const choices = codes.map((c) => `${c} (${labels[c]})`).join(', ');
  return z.enum(codes, { error: (issue) => `${what} ${JSON.stringify(issue.input)} không hợp lệ; chọn một trong: ${choices}` });
};

export const unitTier = enumOf(unitTierLabels, 'cấp đơn vị');
export const communeKind = enumOf(communeKindLabels, 'loại đơn vị cấp xã');
export const editorRole = enumOf(editorRoleLabels, 'vai trò');
export const stationKind = enumOf(stationKindLabels, 'loại trạm');
export const broadcastSystem = z.enum(['ip', 'classic'], { error: (issue) => `hệ thống ${JSON.stringify(issue.input)} không hợp lệ; chọn ip (loa thông minh, phát tệp hoặc đọc bằng giọng máy) hoặc classic (phát thanh viên đọc)` });

/** One station or loudspeaker cluster of a unit's broadcast system. */
export const stationSchema = z.strictObject({
  id: slug,
  /** e.g. "Đài truyền thanh xã Hữu Lũng", "Cụm loa tổ dân phố số 3". */
  name: text,
  kind: stationKind.default('station'),
  /** The thôn or tổ dân phố the cluster serves, e.g. "Tổ dân phố số 3". */
  area: text.optional(),
  system: broadcastSystem,
  /** Voice settings when an IP system speaks text (text-to-speech). */
  tts: ttsSchema.optional(),
  /** The station's own intro and outro, played around every bulletin file (IP systems). */
  intro: stationJingleSchema.optional(),
  outro: stationJingleSchema.optional(),
  slots: z.array(broadcastSlotSchema).min(1, 'cần ít nhất một khung giờ phát'),
  operator: operatorSchema,
});
export type Station = z.output<typeof stationSchema>;

/** A commune-tier unit's broadcast system: the name read on air and its stations or clusters. */
export const broadcastSchema = z.strictObject({
  /** e.g. "Đài truyền thanh phường Bắc Kạn": what every station says it is ("Đây là …"). */
  name: text,
  stations: z.array(stationSchema).min(1, 'cần ít nhất một trạm hoặc cụm loa'),
});
export type Broadcast = z.output<typeof broadcastSchema>;

/** The unit's web portal (Cổng / Trang thông tin điện tử). */
export const portalSchema = z.strictObject({
  title: text,
  baseUrl: z.string({ error: need('địa chỉ trang, ví dụ "https://xahuulung.example.org"') }).trim().regex(/^https?:\/\/[^\s/]+(?:\/\S*)?$/, 'phải là địa chỉ bắt đầu bằng http:// hoặc https://'),
  /** The dedicated section (chuyên mục) posts go to. */
  section: text.optional(),
});
export type Portal = z.output<typeof portalSchema>;

/** The journalists the unit briefs, and its press contact. */
export const unitMediaListSchema = z.strictObject({
  pressContact: pressContactSchema.optional(),
  journalists: z.array(journalistSchema),
});
export type UnitMediaList = z.output<typeof unitMediaListSchema>;

/** An editor's account in one unit. */
export const unitEditorSchema = z.strictObject({
  email: email.transform((e) => e.toLowerCase()),
  name: text,
  role: editorRole,
  /** The office the editor works in, e.g. "Phòng Văn hóa - Xã hội". */
  office: text.optional(),
});
export type UnitEditor = z.output<typeof unitEditorSchema>;

export const unitSchema = z.strictObject({
  id: slug,
  /** e.g. "Tỉnh Lạng Sơn", "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn", "Phường Bắc Kạn". */
  name: text,
  /** e.g. "Lạng Sơn", "Sở GD&ĐT Lạng Sơn", "Bắc Kạn". */
  shortName: text,
  tier: unitTier,
  /** Commune-tier units only: xã, phường or đặc khu. */
  kind: communeKind.optional(),
  /** The province or city a department or commune-tier unit belongs to. */
  parentId: slug.optional(),
  /** The body that speaks for the unit, e.g. "Ủy ban nhân dân phường Bắc Kạn". */
  body: text.optional(),
  /** True for sample data shipped with the product (addresses must be at example.* domains). */
  sample: z.boolean({ error: need('true hoặc false') }).optional(),
  /** Ids of the plans this unit issued. */
  plans: z.array(slug).default([]),
  broadcast: broadcastSchema.optional(),
  portal: portalSchema.optional(),
  mediaList: unitMediaListSchema.optional(),
  editors: z.array(unitEditorSchema).default([]),
});
export type Unit = z.output<typeof unitSchema>;
/** A unit as written (defaults not yet applied). */
export type UnitInput = z.input<typeof unitSchema>;
