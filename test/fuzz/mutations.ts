import fc from 'fast-check';
import { stringify } from 'yaml';

/** Arbitraries for the loader fuzz: texts that are almost scenarios, and texts that are not. */

// Fragments that have broken YAML loaders or that a careless loader would act on.
export const hostileFragments = [
  '.nan', '.inf', '-.inf', '1e400', '-1', '0', '-0', '5e-324', '9007199254740993', '~', 'null', '[]', '{}', '[[[[', '}}}',
  '*a', '&a', '&a [*a]', '!!js/function "() => 1"', '!!binary aGk=', '!foo', '!!set {x}', '__proto__', 'constructor', 'prototype',
  '<<', '? ', '- ', ': ', '|', '>', "'", '"', '#', '%YAML 1.1', '---', '...', '\t', '\u0000', '\ufeff', '\u200b', '\ud800',
  '2026-02-30', '2026-13-01', '0001-01-01', '9999-12-31', 'yes', 'no', 'on', '0x1f', '0o17', '1_000', 'x'.repeat(300),
];

const yamlAlphabet = fc.constantFrom(...':-[]{},&*!|>\'"#%@`? \n\t0123456789.eE+abcxyz_'.split(''));

/** A valid text with a few random edits: deletions, duplications, insertions, swapped lines. */
export function mutatedText(seeds: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: yamlAlphabet, maxLength: 8 }), fc.constantFrom(...hostileFragments)) }),
    fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
    fc.record({ kind: fc.constant('replace-value' as const), at: fc.nat(), text: fc.constantFrom(...hostileFragments) }),
  );
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([text, edits]) => {
    let out = text;
    for (const e of edits) {
      const at = out.length === 0 ? 0 : e.at % out.length;
      if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
      else if (e.kind === 'duplicate') out = out.slice(0, at + e.length) + out.slice(at, at + e.length) + out.slice(at + e.length);
      else if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
      else if (e.kind === 'swap-lines') {
        const lines = out.split('\n');
        const i = e.at % lines.length;
        const j = e.other % lines.length;
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        out = lines.join('\n');
      } else {
        // Replace the value after the n-th colon on its line.
        const lines = out.split('\n');
        const withValue = lines.map((l, i) => [l, i] as const).filter(([l]) => /:\s*\S/.test(l));
        const target = withValue[e.at % Math.max(1, withValue.length)];
        if (target) lines[target[1]] = target[0].replace(/:\s*\S.*$/, `: ${e.text}`);
        out = lines.join('\n');
      }
    }
    return out;
  });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The valid scenario with values replaced, keys removed or added at random paths; YAML or JSON. */
export function reshapedScenario(valid: object): fc.Arbitrary<string> {
  const odd = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, '', ' ', '__proto__', '2026-02-30'),
    fc.double(),
    fc.integer(),
  );
  const change = fc.record({ pick: fc.nat(), kind: fc.constantFrom('replace', 'delete', 'add'), value: odd, key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'extends')) });
  return fc.tuple(fc.array(change, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([changes, asJson]) => {
    const data = structuredClone(valid) as Json;
    for (const c of changes) {
      const nodes = containers(data);
      const target = nodes[c.pick % nodes.length];
      if (!target) continue;
      const keys = Object.keys(target);
      const key = keys[c.pick % Math.max(1, keys.length)];
      const record = target as Record<string, Json>;
      if (Array.isArray(target) && (c.kind === 'add' || key === undefined)) target.push(c.value as Json);
      else if (c.kind === 'add' || key === undefined) Object.defineProperty(record, c.key, { value: c.value as Json, enumerable: true, configurable: true, writable: true });
      else if (c.kind === 'delete') delete record[key];
      else record[key] = c.value as Json;
    }
    return asJson ? JSON.stringify(data, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) : stringify(data);
  });
}

function containers(value: Json): Array<Json[] | { [key: string]: Json }> {
  if (value === null || typeof value !== 'object') return [];
  const children = Array.isArray(value) ? value : Object.values(value);
  return [value, ...children.flatMap(containers)];
}

/** Noise: random strings, random bytes read as text, hostile fragments glued together. */
export function hostileText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => new TextDecoder().decode(bytes)),
    fc.array(fc.constantFrom(...hostileFragments), { maxLength: 12 }).map((parts) => parts.join(fc.sample(fc.constantFrom(' ', '\n', ': ', '\n  '), 1)[0] ?? ' ')),
    fc.array(fc.tuple(fc.constantFrom(...hostileFragments), fc.constantFrom(...hostileFragments)), { maxLength: 8 }).map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n')),
  );
}
