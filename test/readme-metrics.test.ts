import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every field of the JSON report is defined in the README (formula and unit): a field that a
// report grows without a definition fails here. The scenario snapshots hold every report shape.
// The definitions live in the README and the reference under docs/.
const readme = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)].map((f) => readFileSync(f, 'utf8')).join('\n');
const snapshots = [
  ...readdirSync('test/__snapshots__/scenarios').filter((f) => f.endsWith('.json')).map((f) => `test/__snapshots__/scenarios/${f}`),
  // The JSON of `capsim compare`, every option kind in it.
  'test/procurement/__snapshots__/lease-vs-cloud.compare.json',
  // The same with uncertain inputs: their list and each option's ranking of them.
  'test/uncertainty/__snapshots__/lease-tenant-share.compare.json',
];

/** Fields whose keys are data (names of causes, teams, streams; the key paths of drawn inputs), not metrics. */
const keyedByName = new Set(['interruptionsByCause', 'inputs']);

function fieldNames(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) fieldNames(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.add(key);
      if (!keyedByName.has(key)) fieldNames(child, into);
    }
  }
  return into;
}

describe('README', () => {
  it('has scenario snapshots to read the report fields from', () => {
    expect(snapshots.length).toBeGreaterThan(3);
  });

  for (const file of snapshots) {
    it(`defines every field of the ${file.replace(/^.*\//, '').replace(/\.json$/, '')} report`, () => {
      const fields = fieldNames(JSON.parse(readFileSync(file, 'utf8')), new Set());
      // A field is defined where the README names it in code: `f`, `f[]`, `parent.f` or `f.child`.
      const named = (f: string) => [`\`${f}\``, `\`${f}[]`, `.${f}\``, `\`${f}.`].some((form) => readme.includes(form));
      const undefinedFields = [...fields].filter((f) => !named(f));
      expect(undefinedFields).toEqual([]);
    });
  }
});
