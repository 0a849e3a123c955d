import type { Command } from 'commander';
import type { Io } from './io.js';
import { reportWarnings, strictOption } from './common.js';
import { examples } from './examples.js';
import { loadScenarioArg, scenarioArgHelp, stdinName } from './scenario-arg.js';

export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('check a scenario file and report every problem at once')
    .argument('<scenario>', scenarioArgHelp)
    .addOption(strictOption())
    .addHelpText('after', examples(['capsim validate my-scenario.yaml', 'capsim validate scenarios/small.yaml --strict', 'capsim init --template campus | capsim validate -']))
    .action(async (file: string, opts: { strict?: boolean }) => {
      const loaded = await loadScenarioArg(file, io, { strict: opts.strict ?? false });
      reportWarnings(io, loaded.warnings);
      const s = loaded.scenario;
      io.stdout(
        `${file === '-' ? stdinName : file}: valid · ${s.name} · ${s.startIso} .. ${s.endIso} · ${s.cluster.maxRacks} x ${s.rack.id} · ${s.runs.length} run(s)\n`,
      );
      if (loaded.uncertainty === null) return;
      // Every value a draw can give was checked: say which inputs are uncertain and over what.
      // Their formats (the locale's number formats, ~20 ms to build) load only for such a scenario.
      const [{ describeInputs }, { formatInputDescription }] = await Promise.all([import('../scenario/uncertainty.js'), import('../reports/input-description.js')]);
      const inputs = describeInputs(loaded.uncertainty);
      if (inputs.length > 0) io.stdout(`uncertain inputs (checked over their ranges; the line above shows their medians):\n${inputs.map((d) => `  ${formatInputDescription(d)}\n`).join('')}`);
    });
}
