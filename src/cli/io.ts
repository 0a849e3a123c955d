/** Where the CLI writes; tests pass their own to run the CLI in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour and progress bars only then). */
  isTty: boolean;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTty?: boolean;
  /** Standard input, read when the scenario is `-`; none means it is empty. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Whether standard input is a terminal (then capsim says it is waiting for the scenario). */
  stdinIsTty?: boolean;
  /**
   * Compute on worker threads, keeping this thread free for Ctrl-C: the capsim process does;
   * tests that run the CLI in-process compute in their own thread.
   */
  offThread?: boolean;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  stderrIsTty: Boolean(process.stderr.isTTY),
  // Getters: touching process.stdin opens it, which only `-` should do.
  get stdin() {
    return process.stdin;
  },
  get stdinIsTty() {
    return Boolean(process.stdin.isTTY);
  },
  offThread: true,
};
