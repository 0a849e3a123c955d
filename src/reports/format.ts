/** Number formats for people: grouped thousands, scaled money, percentages. Fixed locale. */
const grouped = numberFormat({ maximumFractionDigits: 0 });
const twoDecimals = numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const fourDigits = numberFormat({ maximumSignificantDigits: 4 });

/**
 * An en-US number format, built at its first use: the first one built loads the locale's data
 * (about 20 ms of CPU), which a command that formats no number (validate, a run's main thread)
 * should not pay by importing this module.
 */
export function numberFormat(options: Intl.NumberFormatOptions): () => Intl.NumberFormat {
  let format: Intl.NumberFormat | undefined;
  return () => (format ??= new Intl.NumberFormat('en-US', options));
}

export function formatCount(n: number | null): string {
  return n === null ? '–' : grouped().format(n);
}

export function formatDecimal(n: number | null, digits = 1): string {
  if (n === null) return '–';
  return digits === 1 ? oneDecimal().format(n) : n.toFixed(digits);
}

/** `$6.30B`, `$150.0M`, `$12.3K`, `$512.00` */
export function formatUsd(usd: number | null): string {
  if (usd === null) return '–';
  const sign = usd < 0 ? '-' : '';
  const a = Math.abs(usd);
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${sign}$${(a / 1e3).toFixed(1)}K`;
  return `${sign}$${twoDecimals().format(a)}`;
}

export function formatPercent(fraction: number | null, digits = 1): string {
  return fraction === null ? '–' : `${(fraction * 100).toFixed(digits)}%`;
}

/** `7.2e25` */
export function formatFlop(flop: number): string {
  return flop.toExponential(2).replace('e+', 'e');
}

/** A value of any size for people: whole numbers grouped, very small or large ones as 2e-5, others to four significant digits. */
export function formatQuantity(v: number | null): string {
  if (v === null) return '–';
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e15)) return v.toExponential(3).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return Number.isInteger(v) ? formatCount(v) : fourDigits().format(v);
}

/** The clock's tick: `1 s`, `1 min`, `90 s`. */
export function formatTick(tickSeconds: number): string {
  return tickSeconds % 60 === 0 ? `${tickSeconds / 60} min` : `${tickSeconds} s`;
}
