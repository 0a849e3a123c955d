import type { Command } from 'commander';
import type { Io } from './io.js';
import { outTarget } from './out-target.js';
import { examples } from './examples.js';

/** `capsim schema`: the scenario's JSON Schema, as published in schema/scenario.schema.json. */
export function registerSchema(program: Command, io: Io): void {
  program
    .command('schema')
    .description("print the scenario's JSON Schema (draft 2020-12) for editors and other tools; the package ships it as schema/scenario.schema.json")
    .option('-o, --out <file>', 'write it to a file (atomically) instead of stdout (- is stdout)')
    .addHelpText(
      'after',
      examples([
        'capsim schema --out scenario.schema.json',
        '# then, as the first line of a scenario, for editors with the YAML language server:',
        '# yaml-language-server: $schema=scenario.schema.json',
      ]),
    )
    .action(async (opts: { out?: string }) => {
      const out = outTarget(opts.out);
      const [{ scenarioJsonSchemaText }, { emit }] = await Promise.all([import('../scenario/json-schema.js'), import('./emit.js')]);
      emit(io, scenarioJsonSchemaText(), out);
    });
}
