import { Presets, SingleBar } from 'cli-progress';
import type { Io } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar with the time left, on stderr, only when stderr is a terminal and not --quiet:
 * redirected output and CI logs stay clean.
 */
export function createProgress(io: Io, quiet: boolean, label: string): Progress {
  if (quiet || !io.stderrIsTty) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% · {value}/{total} · {eta_formatted} left`, stream: process.stderr, etaBuffer: 50, hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
