/** The CLI's exit codes: a stable contract, documented in the README. */
export const ExitCode = {
  ok: 0,
  /** A bug in capsim: the message asks the user to report it. */
  internal: 1,
  /** Invalid input: a scenario, trace or option that cannot be used. */
  invalidInput: 2,
  /** Interrupted (Ctrl-C, SIGINT). */
  interrupted: 130,
} as const;
