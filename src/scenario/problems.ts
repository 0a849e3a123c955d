/**
 * A problem found in a scenario: data, rendered in one place. `path` is the key path inside the
 * document; `file`, `line` and `column` are filled in by the loader from the YAML source.
 */
export type PathSegment = string | number;

export interface Problem {
  severity: 'error' | 'warning';
  code: string;
  path: PathSegment[];
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export function error(code: string, path: PathSegment[], message: string): Problem {
  return { severity: 'error', code, path, message };
}

export function warning(code: string, path: PathSegment[], message: string): Problem {
  return { severity: 'warning', code, path, message };
}

/**
 * A key or value as the user can read it: invisible and control characters (a zero-width space in
 * a key, a stray NUL) are shown as \u{...}, so "na\u{200b}me" does not look like "name".
 */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u2000-\u200a\u3000]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

/** `runs[0].checkpoint.writeMinutes` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? printable(segment) : `.${printable(segment)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** `scenarios/x.yaml:12:5: error: runs[0].mfu: expected a fraction in (0, 1], found 1.4` */
export function formatProblem(p: Problem): string {
  const place = p.file ? `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ` : '';
  const where = p.path.length > 0 ? `${formatPath(p.path)}: ` : '';
  return `${place}${p.severity}: ${where}${p.message}`;
}

/** How a value found in a file reads in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the key is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') return printable(JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value));
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
