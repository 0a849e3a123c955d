import type { Io } from './io.js';
import { emit } from './emit.js';
import { capsimVersion } from './version.js';
import { reportWarnings } from './common.js';
import { scenarioArg } from './scenario-arg.js';
import { outTarget } from './out-target.js';
import { budgetedRunner } from './work-budget.js';
import { optionEstimates } from './option-estimates.js';
import { runInterruptibly } from './run-interruptibly.js';
import { ScenarioError } from '../errors.js';
import { error, formatPath } from '../scenario/problems.js';

export interface BreakEvenOptions {
  vary: string;
  between: [string, string];
  range?: [number, number];
  replications: number;
  tolerance?: number;
  seed?: number;
  workers?: number;
  format: 'table' | 'json';
  out?: string;
  strict?: boolean;
  force?: boolean;
}

/** `capsim breakeven`, its format chosen: the value where the two options cost the same. */
export async function breakEven(file: string, opts: BreakEvenOptions, io: Io): Promise<void> {
  const out = outTarget(opts.out);
  const [{ loadScenario }, { resolveOptions }, { breakEvenReport }, { renderBreakEven }, { loadedHash }, { sensitivityParameter }, { parseKeyPath, valueAt }, { keyBounds }, { checkWrittenParameters }] =
    await Promise.all([
      import('../scenario/load.js'),
      import('../procurement/resolve-options.js'),
      import('../procurement/break-even-report.js'),
      import('../procurement/render-break-even.js'),
      import('../scenario/hash.js'),
      import('../procurement/sensitivity-parameters.js'),
      import('../scenario/key-path.js'),
      import('../scenario/key-bounds.js'),
      import('../procurement/sensitivity.js'),
    ]);
  const parameter = sensitivityParameter(opts.vary);
  const segments = parameter ? null : parseKeyPath(opts.vary);
  if ((!parameter && !segments) || parameter?.name === 'gpu-type') {
    throw new ScenarioError([error('breakeven-vary', ['--vary'], `expected a numeric key path (cluster.racks) or a factor (cloud-price, utilization, ...), found "${opts.vary}"`)]);
  }
  const arg = await scenarioArg(file, io);
  const load = (vary?: { path: string; min: number; max: number }) => loadScenario(arg.path, { strict: opts.strict ?? false, text: arg.text, ...(vary ? { vary } : {}) });
  const base = await load();
  reportWarnings(io, base.warnings);

  let loaded = base;
  let range: [number, number];
  let whole = false;
  if (segments) {
    const input = base.uncertainty?.inputs.find((i) => i.path === formatPath(segments));
    const written = input ? input.nominal : valueAt(base.written, segments);
    if (!opts.range && typeof written !== 'number') {
      throw new ScenarioError([error('breakeven-range', ['--range'], `${opts.vary} has no value in the scenario to start from: give --range MIN:MAX`)]);
    }
    const bounds = keyBounds(segments);
    range = opts.range ?? [Math.max(bounds.min, (written as number) / 4), Math.min(bounds.max, (written as number) * 4)];
    loaded = await load({ path: opts.vary, min: range[0], max: range[1] }).catch((cause: unknown) => {
      if (cause instanceof ScenarioError) throw new ScenarioError(cause.problems.map((p) => ({ ...p, message: `${p.message} (breakeven --vary ${opts.vary} over ${range[0]} .. ${range[1]}; give another --range)` })));
      throw cause;
    });
    const varied = loaded.uncertainty?.varied;
    whole = varied?.whole ?? false;
    if (varied) range = [varied.low, varied.high];
  } else {
    range = opts.range ?? [0.25, 4];
  }
  const options = resolveOptions(loaded.written, loaded.scenario);
  const unknown = opts.between.filter((name) => !options.some((o) => o.name === name));
  if (unknown.length > 0) {
    throw new ScenarioError([error('breakeven-between', ['--between'], `expected two of the scenario's options (${options.map((o) => o.name).join(', ')}), found ${unknown.join(', ')}`)]);
  }
  const model = { scenario: loaded.scenario, written: loaded.written, uncertainty: loaded.uncertainty, files: loaded.files, options };
  if (parameter && 'written' in parameter) checkWrittenParameters(model, range.map((value) => ({ parameter: parameter.name, value })));
  const tolerance = opts.tolerance ?? (whole ? 1 : (range[1] - range[0]) / 1000);
  // Bisection: the two ends, then one value per halving of the bracket down to the tolerance.
  const values = 2 + Math.ceil(Math.log2(Math.max(2, (range[1] - range[0]) / tolerance)));
  const pair = optionEstimates(loaded.scenario, options.filter((o) => opts.between.includes(o.name)));
  const simulations = pair.map((s) => ({ count: s.count * values * opts.replications, estimate: s.estimate }));
  const runner = await budgetedRunner(io, { what: `${values} values of ${opts.replications} replications`, simulations, asked: opts.workers, blocks: opts.replications }, file, opts.force ?? false);
  const report = await runInterruptibly(runner, () => breakEvenReport(
    model,
    {
      vary: opts.vary,
      kind: segments ? 'key' : 'parameter',
      between: opts.between,
      low: range[0],
      high: range[1],
      whole,
      tolerance,
      seed: opts.seed ?? loaded.scenario.seed,
      replications: opts.replications,
    },
    { version: capsimVersion(), scenarioHash: loadedHash(loaded) },
    runner,
  )).finally(() => runner.close());
  emit(io, opts.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderBreakEven(report), out);
}
