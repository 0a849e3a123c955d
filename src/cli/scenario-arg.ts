import type { LoadedScenario, LoadOptions } from '../scenario/load.js';
import type { Io } from './io.js';

/** How a scenario read from standard input is named in problems (`<stdin>:3:5: error: ...`). */
export const stdinName = '<stdin>';

/** The help text of every command's scenario argument. */
export const scenarioArgHelp =
  'scenario file (YAML or JSON), or - to read it from standard input (then extends, traces and weather files resolve from the working directory)';

/**
 * The scenario argument as loadScenario takes it: a path, or for `-` standard input read once
 * (a sweep loads the text again for every point) and named `<stdin>`, whose folder is the working
 * directory, so what it extends or names resolves from there.
 */
export async function scenarioArg(file: string, io: Io): Promise<{ path: string; text?: string }> {
  if (file !== '-') return { path: file };
  const { readScenarioStream } = await import('../scenario/load.js');
  if (io.stdinIsTty) io.stderr('capsim: reading the scenario from standard input (end it with Ctrl-D)\n');
  return { path: stdinName, text: await readScenarioStream(io.stdin ?? [], stdinName) };
}

/** Load the scenario argument (a path or `-`). */
export async function loadScenarioArg(file: string, io: Io, options: LoadOptions): Promise<LoadedScenario> {
  const [{ loadScenario }, arg] = await Promise.all([import('../scenario/load.js'), scenarioArg(file, io)]);
  return loadScenario(arg.path, { ...options, text: arg.text });
}
