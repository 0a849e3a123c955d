/**
 * A CSV field (RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled).
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
 * return: "CSV injection", OWASP) is prefixed with a single quote, as spreadsheet programs expect,
 * so a run named `=HYPERLINK(...)` reads as text. Numbers and booleans are written as they are:
 * a negative number stays a number.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
