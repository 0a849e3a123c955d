import type { Command } from 'commander';
import type { Io } from './io.js';
import { reportWarnings, strictOption } from './common.js';

export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('check a scenario file and report every problem at once')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(strictOption())
    .action(async (file: string, opts: { strict?: boolean }) => {
      const { loadScenario } = await import('../scenario/load.js');
      const loaded = await loadScenario(file, { strict: opts.strict ?? false });
      reportWarnings(io, loaded.warnings);
      const s = loaded.scenario;
      io.stdout(
        `${file}: valid · ${s.name} · ${s.startIso} .. ${s.endIso} · ${s.cluster.maxRacks} x ${s.rack.id} · ${s.runs.length} run(s)\n`,
      );
    });
}
