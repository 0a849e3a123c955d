import { Command, Option } from 'commander';
import type { Io } from './io.js';
import { emit } from './io.js';
import { capsimVersion } from './version.js';
import { reportWarnings, seedOption, strictOption } from './common.js';
import { metricOption, quietOption, replicationsOption, shardOption, workersOption } from './montecarlo-options.js';
import { runReplications, type MonteCarloRunOptions } from './replications.js';

export function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description('simulate a scenario over its whole term and report utilization and cost per run')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(seedOption())
    .addOption(new Option('-f, --format <format>', 'report format').choices(['table', 'json']).default('table'))
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(strictOption())
    .addOption(replicationsOption())
    .addOption(workersOption())
    .addOption(shardOption())
    .addOption(quietOption())
    .addOption(metricOption())
    .action(async (file: string, opts: { seed?: number; format: 'table' | 'json'; out?: string; strict?: boolean } & MonteCarloRunOptions, command: Command) => {
      if (opts.replications !== undefined || opts.shard || opts.workers) return runReplications(file, opts, io, command);
      const [{ loadScenario }, { simulate }, { summarize }, { renderJson, renderTable }, { scenarioHash }] = await Promise.all([
        import('../scenario/load.js'),
        import('../engine/simulate.js'),
        import('../reports/summary.js'),
        import('../reports/table.js'),
        import('../scenario/hash.js'),
      ]);
      const loaded = await loadScenario(file, { strict: opts.strict ?? false });
      reportWarnings(io, loaded.warnings);
      const record = simulate(loaded.scenario, opts.seed === undefined ? {} : { seed: opts.seed });
      const summary = summarize(record, { version: capsimVersion(), scenarioHash: scenarioHash(loaded.written) });
      await emit(io, opts.format === 'json' ? renderJson(summary) : renderTable(summary), opts.out);
    });
}
