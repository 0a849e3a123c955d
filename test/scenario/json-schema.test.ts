import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFile, scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/json-schema.js';
import { parseYamlSafely } from '../../src/scenario/safe-yaml.js';
import { parseScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/errors.js';
import { runCli } from '../cli/helpers.js';

// A real JSON Schema validator, in strict mode: it also rejects a schema with unknown keywords
// or keywords that do not fit their type, so a malformed generated schema fails here.
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(scenarioJsonSchema());

/** The data of a YAML file as capsim reads it (YAML 1.2 core: dates stay strings). */
const dataOf = (text: string, file = 'test.yaml') => parseYamlSafely(text, file).data;
const read = (path: string) => readFileSync(path, 'utf8');
const yamlFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => `${dir}/${f}`);

/** Whether capsim's own validation (zod, then the cross-field rules) accepts the text. */
function capsimAccepts(text: string): boolean {
  try {
    parseScenario(text, 'test.yaml');
    return true;
  } catch (cause) {
    if (cause instanceof ScenarioError) return false;
    throw cause;
  }
}

describe('the generated JSON Schema', () => {
  it.each([...yamlFiles('scenarios'), ...yamlFiles('templates')])('accepts the shipped scenario %s', (file) => {
    expect(validate(dataOf(read(file))), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(['test/fixtures/extends/layered.yaml', 'test/fixtures/extends/variants/bigger.yaml', 'test/fixtures/extends/variants/phased.yaml'])(
    'accepts a file that extends others, with only the keys it changes (%s)',
    (file) => {
      expect(validate(dataOf(read(file))), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  const small = read('scenarios/small.yaml');
  const invalid: Array<[string, string]> = [
    ['a misspelt key', small.replace('spareRacks: 1', 'spareRakcs: 1')],
    ['zero racks', small.replace('racks: 8', 'racks: 0')],
    ['an MFU above 1', small.replace('mfu: 0.35', 'mfu: 1.4')],
    ['a negative fee', small.replace('monthlyUsd: 2000000', 'monthlyUsd: -5')],
    ['an unknown precision', small.replace('precision: fp8', 'precision: fp16')],
    ['a date without its day', small.replace('start: 2026-07-01', 'start: 2026-07')],
    ['no lease', small.replace(/^lease:\n {2}monthlyUsd: 2000000$/m, '')],
    ['a key removed with null in a file that extends nothing', small.replace('spareRacks: 1', 'spareRacks: null')],
    ['a distribution of an unknown kind', small.replace('restartMinutes: 10', 'restartMinutes: 10\n  repairHours: { distribution: gamma, shape: 2 }')],
  ];

  it.each(invalid)('rejects a scenario with %s, as capsim does', (_what, text) => {
    expect(text).not.toBe(small);
    expect(validate(dataOf(text))).toBe(false);
    expect(capsimAccepts(text)).toBe(false);
  });

  it('keeps lists whole in a file that extends others: a run it lists must be complete', () => {
    expect(validate({ extends: 'base.yaml', cluster: { racks: 16 } })).toBe(true);
    expect(validate({ extends: 'base.yaml', runs: [{ name: 'only-run' }] })).toBe(false);
    expect(validate({ extends: '' })).toBe(false);
  });

  it('gives bounds that the zod schema checks by refinement, and descriptions with units', () => {
    const complete = scenarioJsonSchema().$defs as { scenario: { properties: Record<string, { properties?: Record<string, Record<string, unknown>> }> } };
    const failures = complete.scenario.properties.failures?.properties ?? {};
    // A number (itself possibly an uncertain input) or a distribution drawn at each restart: the number's bound is kept.
    const [restartNumber, restartDistribution] = (failures.restartMinutes?.anyOf ?? []) as Array<{ anyOf?: unknown[]; oneOf?: unknown[] }>;
    expect(restartNumber?.anyOf).toEqual([expect.objectContaining({ type: 'number', minimum: 0 }), { $ref: '#/$defs/uncertain' }]);
    expect(restartDistribution?.oneOf?.length).toBeGreaterThan(1);
    expect(String(failures.restartMinutes?.description)).toMatch(/minutes/);
    // Each number may also be an uncertain input: its own schema is the first of the two.
    const numberOf = (schema: Record<string, unknown> | undefined) => (schema?.anyOf as unknown[] | undefined)?.[0];
    expect(numberOf(failures.hangDetectionMinutes)).toMatchObject({ type: 'number', exclusiveMinimum: 0 });
    const stragglers = (failures.stragglers as { properties?: Record<string, Record<string, unknown>> } | undefined)?.properties ?? {};
    expect(numberOf(stragglers.probabilityPerRack)).toMatchObject({ type: 'number', minimum: 0, maximum: 1 });
    expect(String(failures.ratePerGpuHour?.description)).toMatch(/per GPU-hour/);
  });

  it('takes a distribution wherever a number goes, except the seed and the tick', () => {
    const schema = scenarioJsonSchema();
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const valid = (data: unknown) => validate(data) as boolean;
    const base = { name: 'x', seed: 1, start: '2026-07-01', end: '2026-07-30', hardware: { rack: 'gb300-nvl72' }, lease: { monthlyUsd: 1e6 } };
    expect(valid({ ...base, cluster: { racks: { distribution: 'uniform', min: 4, max: 8 } } })).toBe(true);
    expect(valid({ ...base, cluster: { racks: { distribution: 'uniformm', min: 4, max: 8 } } })).toBe(false);
    expect(valid({ ...base, cluster: { racks: 8 }, seed: { distribution: 'uniform', min: 1, max: 2 } })).toBe(false);
  });

  it('is what the build wrote to schema/ and what `capsim schema` prints', async () => {
    const text = scenarioJsonSchemaText();
    expect(read(jsonSchemaFile)).toBe(text);
    const { code, stdout } = await runCli('schema');
    expect(code).toBe(0);
    expect(stdout).toBe(text);
  });
});
