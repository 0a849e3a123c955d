import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { scenarioHash } from '../../src/scenario/hash.js';
import { parseScenario } from '../../src/scenario/load.js';
import { formatProblem } from '../../src/scenario/problems.js';
import { aWrittenScenario } from '../builders.js';
import { runCli, tempDir } from '../cli/helpers.js';
import { hostileText, mutatedText, reshapedScenario } from './mutations.js';
import { aValidScenario } from '../property/generators.js';

/**
 * A time-bounded random fuzz of the loader: mutated scenario texts, reshaped scenario data and
 * raw noise. Whatever comes in, capsim answers with a scenario (which then simulates) or a
 * ScenarioError whose problems name the file and, inside a document, the line; never another
 * exception, never a hang.
 * CAPSIM_FUZZ_MS sets the budget per property (default 3 s), CAPSIM_FUZZ_SEED the seed.
 * A crash found goes into test/fuzz/corpus/, which hostile.test.ts feeds to the CLI.
 */
const budgetMs = Number(process.env.CAPSIM_FUZZ_MS ?? 3_000);
const seed = Number(process.env.CAPSIM_FUZZ_SEED ?? 20_260_701);
const settings = { seed, numRuns: 1_000_000, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false } as const;
// The test's own time limit leaves room for the budget plus shrinking a counterexample.
const timeout = budgetMs + 60_000;

const seeds = [
  ...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join('scenarios', f), 'utf8')),
  stringify(aWrittenScenario()),
  JSON.stringify(aWrittenScenario(), null, 2),
];

// Problems that concern the whole file and so have no line: every other one must have a line.
const fileLevel = new Set(['empty', 'too-large', 'unreadable', 'not-utf8']);

function checkAnswer(text: string): void {
  try {
    const { scenario, written } = parseScenario(text, 'fuzz.yaml');
    // A text that validates must also simulate and report without an exception; short horizons
    // only, so that a mutated 42-month scenario does not turn the fuzz into a benchmark.
    if (scenario.horizonTicks <= 200_000 && scenario.cluster.maxRacks <= 10_000) {
      summarize(simulateScenario(scenario), { version: 'fuzz', scenarioHash: scenarioHash(written) });
    }
  } catch (cause) {
    if (!(cause instanceof ScenarioError)) throw cause;
    expect(cause.problems.length).toBeGreaterThan(0);
    for (const p of cause.problems) {
      expect(p.file).toBe('fuzz.yaml');
      if (!fileLevel.has(p.code)) expect(p.line ?? 0, formatProblem(p)).toBeGreaterThan(0);
      expect(formatProblem(p)).toMatch(/^fuzz\.yaml(:\d+:\d+)?: (error|warning): /);
    }
  }
}

describe('loader fuzz (time-bounded)', () => {
  it('mutated scenario texts get a scenario or placed problems, never another exception', () => {
    fc.assert(fc.property(mutatedText(seeds), checkAnswer), settings);
  }, timeout);

  it('reshaped scenario data, as YAML or JSON, gets a scenario or placed problems', () => {
    fc.assert(fc.property(reshapedScenario(aWrittenScenario()), checkAnswer), settings);
  }, timeout);

  it('reshaped rich scenarios (facility, options, scheduler, workload) get a scenario or placed problems', () => {
    fc.assert(fc.property(aValidScenario().chain((w) => reshapedScenario(w)), checkAnswer), settings);
  }, timeout);

  it('raw noise and hostile fragments get a scenario or placed problems', () => {
    fc.assert(fc.property(hostileText(), checkAnswer), settings);
  }, timeout);

  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('through the CLI, a fuzzed file exits 0 or 2 and never writes a partial report', async () => {
    const file = join(dir, 'fuzz.yaml');
    const out = join(dir, 'out.json');
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedText(seeds), reshapedScenario(aWrittenScenario()), hostileText()), async (text) => {
        writeFileSync(file, text);
        const { code, stderr } = await runCli('validate', file);
        expect([0, 2], stderr).toContain(code);
        if (code === 2) expect(stderr).toMatch(/\d+ error\(s\); nothing was written\n$/);
        expect(readdirSync(dir).filter((f) => f !== 'fuzz.yaml' && f !== 'out.json')).toEqual([]);
        rmSync(out, { force: true });
      }),
      { ...settings, numRuns: 100 },
    );
  });
});
