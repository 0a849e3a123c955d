import { Command, CommanderError } from 'commander';
import { ScenarioError } from './errors.js';
import { SimulationStopped } from './engine/simulation-stopped.js';
import { limits } from './scenario/limits.js';
import { Interrupted, requestStop, stopRequested } from './cli/interrupt.js';
import { formatProblem } from './scenario/problems.js';
import { ExitCode } from './cli/exit-codes.js';
import { processIo, type Io } from './cli/io.js';
import { capsimVersion } from './cli/version.js';
import { examples } from './cli/examples.js';
import { registerRun } from './cli/run.js';
import { registerValidate } from './cli/validate.js';
import { registerCompare } from './cli/compare.js';
import { registerSensitivity } from './cli/sensitivity.js';
import { registerSweep } from './cli/sweep.js';
import { registerBreakEven } from './cli/breakeven.js';
import { registerMerge } from './cli/merge.js';
import { registerSize } from './cli/size.js';
import { registerDiff } from './cli/diff.js';
import { registerInit } from './cli/init.js';
import { registerSchema } from './cli/schema.js';

function buildProgram(io: Io): Command {
  const program = new Command('capsim')
    .description('compute-capacity planning simulator for AI training clusters')
    .version(capsimVersion())
    .exitOverride()
    .showHelpAfterError('(run capsim --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .addHelpText('after', examples(['capsim init my-cluster.yaml', 'capsim run my-cluster.yaml', 'capsim run scenarios/colossus-2-reflection.yaml --out report.html', 'capsim help run']));
  registerRun(program, io);
  registerValidate(program, io);
  registerCompare(program, io);
  registerSensitivity(program, io);
  registerBreakEven(program, io);
  registerSweep(program, io);
  registerMerge(program, io);
  registerSize(program, io);
  registerDiff(program, io);
  registerInit(program, io);
  registerSchema(program, io);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  return program;
}

/**
 * Run the CLI and return its exit code. The only place that decides how capsim exits: the
 * library throws, this catches. bin/capsim.js sets process.exitCode from the result.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (cause) {
    return exitCodeFor(cause, io);
  }
}

/**
 * Ctrl-C (SIGINT), called by bin/capsim.js's signal handler: the computation stops (worker threads
 * are terminated, simulations in this thread stop within a few thousand events) and the command
 * exits 130 having written nothing more. Files already written whole (sweep points) stay, so a
 * sweep can resume. Should the command not have ended within a second, or at a second Ctrl-C,
 * the process exits 130 at once: writes are synchronous, so none is left half done.
 */
export function interrupt(io: Io = processIo): void {
  if (stopRequested()) return void exitNow(io);
  requestStop();
  setTimeout(() => exitNow(io), 1000).unref();
}

function exitNow(io: Io): never {
  io.stderr(`\n${interruptedMessage}\n`);
  process.exit(ExitCode.interrupted);
}

/**
 * An error writing stdout. EPIPE means its reader has gone (`capsim schema | head`): stop at once
 * and quietly, as cat does, rather than print a stack trace. Anything else is a bug.
 */
export function stdoutFailed(cause: NodeJS.ErrnoException): void {
  if (cause.code !== 'EPIPE') throw cause;
  process.exit(ExitCode.ok);
}

const interruptedMessage = 'capsim: interrupted; nothing half-written was left';

function exitCodeFor(cause: unknown, io: Io): number {
  if (cause instanceof CommanderError) {
    // Help and version exit 0; usage errors were already printed by commander.
    return cause.exitCode === 0 ? ExitCode.ok : ExitCode.invalidInput;
  }
  if (cause instanceof Interrupted || cause instanceof SimulationStopped) {
    io.stderr(`\n${interruptedMessage}\n`);
    return ExitCode.interrupted;
  }
  if (cause instanceof ScenarioError) {
    const errors = cause.problems.filter((p) => p.severity === 'error').length;
    // Problems are many only when something is badly wrong (a million empty runs): the first ones say what.
    const shown = cause.problems.slice(0, limits.maxProblemsShown);
    for (const p of shown) io.stderr(`${formatProblem(p)}\n`);
    const more = cause.problems.length - shown.length;
    if (more > 0) io.stderr(`... and ${more} more problem(s) not listed (at most ${limits.maxProblemsShown} are)\n`);
    io.stderr(`${errors} error(s); nothing was written\n`);
    return ExitCode.invalidInput;
  }
  const err = cause as Error;
  io.stderr(`capsim: internal error: ${err?.message ?? String(cause)}\n`);
  io.stderr('This is a bug in capsim. Please report it with the scenario and the command that triggered it.\n');
  if (process.env.CAPSIM_DEBUG) io.stderr(`${err?.stack ?? ''}\n`);
  return ExitCode.internal;
}
