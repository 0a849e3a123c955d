/** Number formats for people: grouped thousands, scaled money, percentages. Fixed locale. */
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(n: number | null): string {
  return n === null ? '–' : grouped.format(n);
}

export function formatDecimal(n: number | null, digits = 1): string {
  if (n === null) return '–';
  return digits === 1 ? oneDecimal.format(n) : n.toFixed(digits);
}

/** `$6.30B`, `$150.0M`, `$12.3K`, `$512.00` */
export function formatUsd(usd: number | null): string {
  if (usd === null) return '–';
  const sign = usd < 0 ? '-' : '';
  const a = Math.abs(usd);
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${sign}$${(a / 1e3).toFixed(1)}K`;
  return `${sign}$${twoDecimals.format(a)}`;
}

export function formatPercent(fraction: number | null, digits = 1): string {
  return fraction === null ? '–' : `${(fraction * 100).toFixed(digits)}%`;
}

/** `7.2e25` */
export function formatFlop(flop: number): string {
  return flop.toExponential(2).replace('e+', 'e');
}

const fourDigits = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** A value of any size for people: whole numbers grouped, very small or large ones as 2e-5, others to four significant digits. */
export function formatQuantity(v: number | null): string {
  if (v === null) return '–';
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e15)) return v.toExponential(3).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return Number.isInteger(v) ? formatCount(v) : fourDigits.format(v);
}

/** The clock's tick: `1 s`, `1 min`, `90 s`. */
export function formatTick(tickSeconds: number): string {
  return tickSeconds % 60 === 0 ? `${tickSeconds / 60} min` : `${tickSeconds} s`;
}
