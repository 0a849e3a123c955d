import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import type { Io } from './io.js';
import { outTarget } from './out-target.js';
import { examples } from './examples.js';
import { ScenarioError } from '../errors.js';
import { error } from '../scenario/problems.js';

/** The starter scenarios in templates/, each a commented, valid scenario. */
export const templates = {
  small: 'a few racks, a lease and two runs: the format in brief',
  campus: 'a campus with a facility: power supply, cooling and weather',
  'lease-vs-cloud': 'the lease against on-demand and reserved cloud, for capsim compare',
} as const;
export type TemplateName = keyof typeof templates;

const packageRoot = new URL('../../', import.meta.url);

/**
 * `capsim init`: write a starter scenario. Its first line points the YAML language server at the
 * JSON Schema shipped with this copy of capsim, by a path relative to the new file, so an editor
 * completes and checks its keys.
 */
export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('write a commented starter scenario to FILE (or to stdout)')
    .argument('[file]', 'the scenario to write (default: print it)')
    .addOption(new Option('-t, --template <name>', 'the starter scenario, below').choices(Object.keys(templates)).default('small'))
    .option('--force', 'overwrite FILE if it exists')
    .addHelpText(
      'after',
      `\nTemplates:\n${Object.entries(templates).map(([name, what]) => `  ${name.padEnd(16)}${what}`).join('\n')}\n` +
        examples(['capsim init my-cluster.yaml', 'capsim init --template campus campus.yaml', 'capsim init --template lease-vs-cloud | capsim compare -']),
    )
    .action(async (file: string | undefined, opts: { template: TemplateName; force?: boolean }) => {
      if (file && !opts.force && existsSync(file)) {
        throw new ScenarioError([{ ...error('exists', [], 'the file exists; choose another name, or give --force to overwrite it'), file }]);
      }
      const text = await templateText(opts.template, file ? dirname(resolve(file)) : process.cwd());
      if (!file) return io.stdout(text);
      // The writer (and node:crypto, for its temporary names) loads only when a file is written.
      const { emit } = await import('./emit.js');
      emit(io, text, outTarget(file));
      io.stdout(`wrote ${file} (template ${opts.template}); check it with: capsim validate ${file}\n`);
    });
}

/** The template's text, its schema line pointing from `folder` to this package's schema file. */
export async function templateText(name: TemplateName, folder: string): Promise<string> {
  const text = await readFile(new URL(`templates/${name}.yaml`, packageRoot), 'utf8');
  const schema = fileURLToPath(new URL('schema/scenario.schema.json', packageRoot));
  const path = relative(folder, schema).split(sep).join('/');
  return text.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${path}`);
}
