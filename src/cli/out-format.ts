import { extname } from 'node:path';
import type { Command } from 'commander';

/** The report format an `--out` file's extension names. */
const formatByExtension: Readonly<Record<string, string>> = { '.json': 'json', '.md': 'md', '.csv': 'csv', '.html': 'html', '.htm': 'html' };

export function formatOfPath(path: string): string | undefined {
  return formatByExtension[extname(path).toLowerCase()];
}

/**
 * The format to write: `--format` when given; else the one `--out`'s extension names (.json, .md,
 * .csv, .html); else the command's default. A `--format` that contradicts the extension
 * (`--format json --out report.csv`), or an extension naming a format the command cannot write,
 * is a usage error (exit 2): writing a table into report.html helps nobody. A shard's `--out`
 * holds a partial result (JSON, whatever the format asked for), so its name says nothing.
 */
export function outputFormat(command: Command, available: readonly string[], what = `capsim ${command.name()}`): string | undefined {
  const opts = command.opts<{ format?: string; out?: string; shard?: unknown }>();
  const named = opts.out === undefined || opts.shard !== undefined ? undefined : formatOfPath(opts.out);
  const given = command.getOptionValueSource('format') === 'cli' ? opts.format : undefined;
  if (named === undefined) return opts.format;
  if (given !== undefined && given !== named) {
    command.error(`error: --format ${given} conflicts with --out ${opts.out}, a .${named} file: drop one, or make them agree`, { exitCode: 2 });
  }
  if (!available.includes(named)) {
    command.error(`error: --out ${opts.out} names a ${named} file, which ${what} does not write (${available.join(', ')}); give --format, or another file name`, { exitCode: 2 });
  }
  return named;
}
