/**
 * Numbers written the Vietnamese way: dots group thousands, a comma marks decimals ("1.234,5");
 * percentages and counts as plans write them ("12,5%", "01", "01/năm").
 * Pure and independent of ICU: `toLocaleString('vi-VN')` and `Intl.NumberFormat` answer
 * differently (or in English) on Node builds with small or no ICU data, so nothing the product
 * shows goes through them.
 */

/**
 * `n` with Vietnamese grouping and at most `maxFractionDigits` decimals (trailing zeros
 * dropped): 1234 → "1.234", 1234567.5 → "1.234.567,5", 12.345 → "12,35", -0.5 → "-0,5".
 * Rounds half away from zero on the shortest decimal form of `n`, as `Intl.NumberFormat` does
 * (1.005 → "1,01"). Non-finite numbers give "".
 */
export function formatVnNumber(n: number, maxFractionDigits = 2): string {
  if (!Number.isFinite(n)) return '';
  const digits = Math.max(0, Math.min(20, Math.trunc(maxFractionDigits)));
  const abs = Math.abs(n);
  const plain = String(abs);
  // The shortest decimal form; beyond 1e21 and below 1e-6 String() writes an exponent instead.
  const decimal = !/e/i.test(plain) ? plain : abs >= 1 ? BigInt(Math.round(abs)).toString() : abs.toFixed(20);
  let [int = '0', frac = ''] = decimal.split('.');
  if (frac.length > digits) {
    const up = frac.charCodeAt(digits) >= 53; // '5'
    frac = frac.slice(0, digits);
    if (up) {
      const bumped = (BigInt(`${int}${frac}`) + 1n).toString().padStart(int.length + frac.length, '0');
      int = bumped.slice(0, bumped.length - frac.length) || '0';
      frac = bumped.slice(bumped.length - frac.length);
    }
  }
  frac = frac.replace(/0+$/, '');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, '.');
  const text = frac ? `${grouped},${frac}` : grouped;
  return n < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** 70 → "70%", 12.5 → "12,5%". Non-finite numbers give "". */
export function formatVnPercent(n: number): string {
  const s = formatVnNumber(n);
  return s ? `${s}%` : '';
}

/** A count as plans write it: at least two digits ("01", "12", "1.000"). */
export function formatVnCount(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Number.isInteger(n) && n >= 0 && n < 10 ? `0${n}` : formatVnNumber(n);
}

/** The number of a figure or target as shown: "70%", "12,5%", "01", "1.000", "01/năm". */
export function formatFigureValue(f: { value: number; unit: 'percent' | 'count' | 'perYear' }): string {
  switch (f.unit) {
    case 'percent':
      return formatVnPercent(f.value);
    case 'count':
      return formatVnCount(f.value);
    case 'perYear':
      return `${formatVnCount(f.value)}/năm`;
  }
}
