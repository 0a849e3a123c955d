import type { Io } from './io.js';
import { emit } from './emit.js';
import { outTarget } from './out-target.js';
import { capsimVersion } from './version.js';
import { ScenarioError } from '../errors.js';
import { error, type Problem } from '../scenario/problems.js';
import { limits } from '../scenario/limits.js';
import { readBoundedText, ReadRefused } from '../scenario/read-bounded-text.js';
import { mergeProblems, type Partial } from '../montecarlo/partial.js';
import { readPartial } from '../montecarlo/partial-schema.js';
import { mergeReplications, mergeSweep, type ReplicationsBody, type SweepBody } from '../montecarlo/merge.js';
import { monteCarloFormats, renderMonteCarlo, type MonteCarloFormat } from '../montecarlo/render-statistics.js';
import { renderSweep, sweepFormats, type SweepFormat } from '../montecarlo/sweep-report.js';

/** `capsim merge`, its format chosen: the shards' partial results as the unsharded run's. */
export async function merge(files: string[], opts: { format?: string; out?: string }, io: Io): Promise<void> {
  const out = outTarget(opts.out);
  const problems: Problem[] = [];
  const partials: Array<{ file: string; partial: Partial }> = [];
  for (const file of files) {
    try {
      const read = readPartial(JSON.parse(await readBoundedText(file, limits.maxPartialBytes)));
      if ('partial' in read) partials.push({ file, partial: read.partial });
      else problems.push({ ...error('not-a-partial', [], read.refusal), file });
    } catch (cause) {
      const reason =
        cause instanceof ReadRefused
          ? cause.refusal === 'too-large'
            ? `larger than ${limits.maxPartialBytes / 2 ** 20} MiB, the most a partial result may be`
            : cause.reason
          : cause instanceof SyntaxError
            ? 'not a partial result of capsim: not JSON (truncated?)'
            : `cannot read a partial result: ${(cause as Error).message}`;
      problems.push({ ...error('unreadable', [], reason), file });
    }
  }
  if (problems.length === 0) for (const p of mergeProblems(partials, capsimVersion())) problems.push({ ...error('shards', [], p.message), ...(p.file ? { file: p.file } : {}) });
  if (problems.length > 0) throw new ScenarioError(problems);

  const first = (partials[0] as { partial: Partial }).partial;
  const format = opts.format ?? first.format;
  if (first.kind === 'sweep') {
    if (!(sweepFormats as readonly string[]).includes(format)) throw new ScenarioError([error('format', [], `--format ${format} is not a sweep format; use ${sweepFormats.join(', ')}`)]);
    emit(io, renderSweep(mergeSweep(partials.map((p) => p.partial as Partial<'sweep', SweepBody>)), format as SweepFormat), out);
  } else {
    if (!(monteCarloFormats as readonly string[]).includes(format)) throw new ScenarioError([error('format', [], `--format ${format} is not a replications format; use ${monteCarloFormats.join(', ')}`)]);
    emit(io, renderMonteCarlo(mergeReplications(partials.map((p) => p.partial as Partial<'replications', ReplicationsBody>)), format as MonteCarloFormat), out);
  }
}
