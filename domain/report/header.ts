/**
 * The official parts of a report (thể thức văn bản): issuing body, national motto, number,
 * place and date, title, recipients and signature, derived from the plan. Placeholders are
 * left where the clerk or the signer fills in (number, day and month, name). Pure.
 */
import { formatVnDate } from '../dates.js';
import { planSymbol } from '../plan/describe.js';
import type { Plan, ReportingDuty } from '../plan/schema.js';

export const NATIONAL_MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;

export interface ReportHeader {
  /** Issuing body, one line per level, upper case: ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]. */
  issuerLines: string[];
  motto: readonly [string, string];
  /** "Số:        /BC-UBND" (the number is given at issue). */
  numberLine: string;
  /** "Lạng Sơn, ngày      tháng      năm 2026". */
  placeDate: string;
  title: string;
  /** "Kết quả công tác truyền thông thực hiện Kế hoạch số 62/KH-UBND ngày 26/02/2026 của …". */
  subtitle: string;
  /** "Kỳ báo cáo: từ ngày … đến ngày …". */
  periodLine: string;
  /** "62/KH-UBND" (or "…/KH-UBND" when the plan's copy has no number). */
  planRef: string;
}

export interface ReportClosing {
  /** "Nơi nhận:" lines, ending with the archive line. */
  recipients: string[];
  /** "KT. CHỦ TỊCH" (may be empty). */
  authority: string;
  /** "PHÓ CHỦ TỊCH". */
  position: string;
  /** What the signer adds by hand. */
  signatureHint: string;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** "Ủy ban nhân dân tỉnh Lạng Sơn" → ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]. */
export function issuerLines(name: string): string[] {
  const m = /^(Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$/iu.exec(name.trim());
  return m ? ['ỦY BAN NHÂN DÂN', upper(m[2]!)] : [upper(name.trim())];
}

/** The place written before the date: the plan's, else its area without "tỉnh", "xã", "phường"… */
export function placeName(plan: Pick<Plan, 'issued' | 'issuer'>): string {
  if (plan.issued.place) return plan.issued.place;
  return plan.issuer.area.replace(/^(tỉnh|thành phố|xã|phường|đặc khu)\s+/iu, '');
}

/** "BC-UBND" from the plan's "KH-UBND". */
export function reportSymbol(planSymbolText: string): string {
  return /^KH-/.test(planSymbolText) ? planSymbolText.replace(/^KH-/, 'BC-') : `BC-${planSymbolText}`;
}

/** The plan as referred to in the title: number, date and issuer. */
export function planReference(plan: Plan): string {
  const when = plan.issued.date ? ` ngày ${formatVnDate(plan.issued.date)}` : plan.issued.year ? ` năm ${plan.issued.year}` : '';
  return `Kế hoạch số ${planSymbol(plan)}${when} của ${plan.issuer.name}`;
}

export function reportHeader(plan: Plan, periodText: string, year: number): ReportHeader {
  return {
    issuerLines: issuerLines(plan.issuer.name),
    motto: NATIONAL_MOTTO,
    numberLine: `Số:        /${reportSymbol(plan.symbol)}`,
    placeDate: `${placeName(plan)}, ngày      tháng      năm ${year}`,
    title: 'BÁO CÁO',
    subtitle: `Kết quả công tác truyền thông thực hiện ${planReference(plan)}`,
    periodLine: `Kỳ báo cáo: ${periodText}`,
    planRef: planSymbol(plan),
  };
}

export function reportClosing(plan: Plan, duty: ReportingDuty | undefined): ReportClosing {
  const recipients = [...(duty?.recipients ?? plan.recipients.filter((r) => !/^Lưu/u.test(r))).map((r) => `- ${r};`), '- Lưu: VT.'];
  return {
    recipients,
    authority: plan.signer?.authority ? upper(plan.signer.authority.split(',').pop()!.trim()) : '',
    position: plan.signer ? upper(plan.signer.position) : 'THỦ TRƯỞNG CƠ QUAN',
    signatureHint: '(Ký, ghi rõ họ tên và đóng dấu)',
  };
}
