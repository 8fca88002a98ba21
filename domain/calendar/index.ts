/**
 * The calendar of occasions: built-in national days and school-year events, plan-specific
 * occasions, lead times per channel, and the date helpers (Asia/Ho_Chi_Minh) they rest on.
 * Pure, importable from workflows.
 */
export * from './occasions.js';
export * from './lead-times.js';
export * from './occasions-between.js';
export { addDays, daysBetween, formatVnDate, formatVnLongDate, parseVnDate, vnToday, vnWeekday, type IsoDate } from '../dates.js';
