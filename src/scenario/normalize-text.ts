import { error, printable, type PathSegment, type Problem } from './problems.js';

// C0 and C1 controls (the escape that starts a terminal sequence among them) and the bidirectional
// overrides that make text display in another order than it is stored ("Trojan Source").
const control = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
// A description may run over several lines.
const allowedInDescription = new Set(['\n', '\r', '\t']);

/**
 * Every string of a parsed scenario, keys included, in Unicode NFC, so that two names that look
 * the same and are written differently (é as one code point, or e and a combining accent) are
 * the same name, and a duplicate is found. A string holding a control character is refused: it
 * would reach terminals and reports as it is. Returns fresh data (own keys only) and the problems.
 */
export function normalizeText(data: unknown): { data: unknown; problems: Problem[] } {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: PathSegment[]): unknown => {
    if (typeof value === 'string') {
      const nfc = value.normalize('NFC');
      if (hasControl(nfc, path)) problems.push(error('control-character', path, `expected text without control characters (an escape sequence can rewrite a terminal), found "${printable(nfc.length > 60 ? `${nfc.slice(0, 57)}...` : nfc)}"`));
      return nfc;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i]));
    if (typeof value === 'object' && value !== null) {
      const seen = new Set<string>();
      return Object.fromEntries(
        Object.entries(value).map(([key, v]) => {
          const nfc = key.normalize('NFC');
          if (control.test(nfc)) problems.push(error('control-character', path, `expected keys without control characters, found "${printable(nfc)}"`));
          if (seen.has(nfc)) problems.push(error('duplicate-key', [...path, nfc], `the key ${printable(JSON.stringify(nfc))} appears twice once written in Unicode NFC (the same letters, composed differently)`));
          seen.add(nfc);
          return [nfc, walk(v, [...path, nfc])];
        }),
      );
    }
    return value;
  };
  return { data: walk(data, []), problems };
}

function hasControl(text: string, path: PathSegment[]): boolean {
  if (path.length !== 1 || path[0] !== 'description') return control.test(text);
  for (const c of text) if (control.test(c) && !allowedInDescription.has(c)) return true;
  return false;
}
