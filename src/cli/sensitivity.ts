import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from './io.js';
import { emit } from './io.js';
import { capsimVersion } from './version.js';
import { reportWarnings, seedOption, strictOption } from './common.js';
import { parseReplications } from './compare.js';
import { outputFormat } from './out-format.js';
import { examples } from './examples.js';
import { loadScenarioArg, scenarioArgHelp } from './scenario-arg.js';
import { ScenarioError } from '../errors.js';
import { error } from '../scenario/problems.js';
import type { Sensitivity } from '../procurement/sensitivity.js';
import { rackCatalog } from '../catalog/racks.js';
import { sensitivityParameters } from '../procurement/sensitivity-parameters.js';
import { workersOption } from './montecarlo-options.js';
import { outTarget } from './out-target.js';
import { budgetedRunner, forceOption } from './work-budget.js';
import { optionEstimates } from './option-estimates.js';
import { runInterruptibly } from './run-interruptibly.js';

const parameterNames = sensitivityParameters.map((p) => p.name);

function parseGpuTypes(value: string): [string, string] {
  const ids = value.split(',').map((v) => v.trim());
  const known = Object.keys(rackCatalog);
  if (ids.length !== 2 || ids.some((id) => !known.includes(id))) throw new InvalidArgumentError(`expected two catalog racks as low,high (${known.join(', ')}), found "${value}"`);
  return ids as [string, string];
}

function parseFactor(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0)) throw new InvalidArgumentError(`expected a positive factor such as 0.8, found "${value}"`);
  return n;
}

const sensitivityFormats = ['table', 'json', 'md', 'html'] as const;
type SensitivityFormat = (typeof sensitivityFormats)[number];

async function renderSensitivityFormat(result: Sensitivity, format: SensitivityFormat, table: (s: Sensitivity) => string): Promise<string> {
  if (format === 'json') return JSON.stringify(result, null, 2) + '\n';
  if (format === 'md') return (await import('../procurement/render-sensitivity-md.js')).renderSensitivityMarkdown(result);
  if (format === 'html') return (await import('../procurement/html/sensitivity-page.js')).renderSensitivityHtml(result);
  return table(result);
}

export function registerSensitivity(program: Command, io: Io): void {
  program
    .command('sensitivity')
    .description('vary named parameters one at a time and rank their effect on the lease-vs-cloud difference (a tornado)')
    .argument('<scenario>', scenarioArgHelp)
    .addOption(seedOption())
    .addOption(new Option('-r, --replications <n>', 'paired replications per point').argParser(parseReplications).default(1))
    .addOption(new Option('--low <factor>', 'low multiplier of each parameter').argParser(parseFactor).default(0.8))
    .addOption(new Option('--high <factor>', 'high multiplier of each parameter').argParser(parseFactor).default(1.2))
    .option('--lease <option>', 'the lease (or hybrid) option (default: the first lease)')
    .option('--against <option>', 'the cloud option (default: the first cloud option)')
    .addOption(new Option('-p, --parameters <names...>', 'parameters to vary').choices(parameterNames).default(parameterNames))
    .addOption(new Option('--gpu-types <low,high>', 'the GPU type\'s low and high: two catalog rack ids').argParser(parseGpuTypes).default(['gb200-nvl72', 'gb300-nvl72']))
    .addOption(workersOption())
    .addOption(new Option('-f, --format <format>', 'report format: a table, JSON, Markdown, or a page with the tornado (html)').choices([...sensitivityFormats]).default('table'))
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout (- is stdout); a .json file name sets --format json')
    .addOption(strictOption())
    .addOption(forceOption())
    .addHelpText('after', examples(['capsim sensitivity scenarios/lease-vs-cloud.yaml', 'capsim sensitivity scenarios/lease-vs-cloud.yaml --out tornado.html', 'capsim sensitivity scenarios/lease-vs-cloud.yaml --low 0.8 --high 1.2 --against coreweave-gb200 --out tornado.json']))
    .action(async (file: string, opts: { seed?: number; replications: number; low: number; high: number; lease?: string; against?: string; parameters: string[]; gpuTypes: [string, string]; workers?: number; format: SensitivityFormat; out?: string; strict?: boolean; force?: boolean }, command: Command) => {
      opts.format = outputFormat(command, sensitivityFormats) as SensitivityFormat;
      const out = outTarget(opts.out);
      if (opts.format === 'html' && out.kind === 'stdout' && io.isTty) command.error('error: --format html writes a page: give --out FILE.html', { exitCode: 2 });
      const [{ resolveOptions }, { sensitivity }, { renderSensitivity }, { loadedHash }] = await Promise.all([
        import('../procurement/resolve-options.js'),
        import('../procurement/sensitivity.js'),
        import('../procurement/render-sensitivity.js'),
        import('../scenario/hash.js'),
      ]);
      const loaded = await loadScenarioArg(file, io, { strict: opts.strict ?? false });
      reportWarnings(io, loaded.warnings);
      const options = resolveOptions(loaded.written, loaded.scenario);
      const lease = opts.lease ?? options.find((o) => o.kind === 'lease')?.name;
      const against = opts.against ?? options.find((o) => o.kind !== 'lease' && o.kind !== 'hybrid' && o.kind !== 'own')?.name;
      const known = (name: string | undefined, kinds: string[]) => options.some((o) => o.name === name && kinds.includes(o.kind));
      const problems = [
        ...(known(lease, ['lease', 'hybrid']) ? [] : [error('sensitivity-lease', ['options'], `expected --lease to name a lease or hybrid option (${options.filter((o) => o.kind === 'lease' || o.kind === 'hybrid').map((o) => o.name).join(', ') || 'none'}), found ${lease ?? 'none'}`)]),
        ...(known(against, ['on-demand', 'reserved', 'block', 'spot', 'own']) ? [] : [error('sensitivity-against', ['options'], `expected --against to name a cloud or own option (${options.filter((o) => o.kind !== 'lease' && o.kind !== 'hybrid').map((o) => o.name).join(', ') || 'none'}), found ${against ?? 'none'}`)]),
      ];
      if (problems.length > 0) throw new ScenarioError(problems.map((p) => ({ ...p, file })));
      // Each point (the base, then each parameter low and high) evaluates the lease and the other option, R times.
      const points = 1 + 2 * opts.parameters.length;
      const pair = optionEstimates(loaded.scenario, options.filter((o) => o.name === lease || o.name === against));
      const simulations = pair.map((s) => ({ count: s.count * points * opts.replications, estimate: s.estimate }));
      const runner = await budgetedRunner(io, { what: `${points} sensitivity points of ${opts.replications} replications`, simulations, asked: opts.workers, blocks: opts.replications }, file, opts.force ?? false);
      const result = await runInterruptibly(runner, () =>
        sensitivity(
          { scenario: loaded.scenario, written: loaded.written, uncertainty: loaded.uncertainty, files: loaded.files, options },
          { seed: opts.seed ?? loaded.scenario.seed, replications: opts.replications, low: opts.low, high: opts.high, lease: lease as string, against: against as string, parameters: opts.parameters, gpuTypes: opts.gpuTypes },
          { version: capsimVersion(), scenarioHash: loadedHash(loaded) },
          runner,
        ),
      ).finally(() => runner.close());
      emit(io, await renderSensitivityFormat(result, opts.format, renderSensitivity), out);
    });
}
