import type { Interruption, InterruptionSource } from '../engine/interruptions.js';
import { createRng } from '../random/rng.js';
import type { RunSpec } from '../scenario/scenario.js';

/** A kind of interruption at a rate per GPU-hour held. */
export interface InterruptionLayer {
  cause: string;
  ratePerGpuHour: number;
  /** Given the run: whether the notice allows a last checkpoint (nothing lost). */
  savesWork: (spec: RunSpec) => boolean;
}

/**
 * Interruptions as the points of a Poisson process on the plane (time x rate), cut at each
 * layer's rate: layer i takes the points with a rate coordinate in [r_0 + .. + r_(i-1), .. + r_i).
 * Raising one layer's rate adds points and moves none, so with common streams a spot option with
 * a higher preemption rate sees every interruption the other sees, and more. Time is cut in
 * windows of a day, each with its own stream (`run:<name>:preemptions:<day>`): a window's points
 * come out in order of their rate coordinate (exponential gaps of mean 1 / (GPUs x window hours)),
 * so a higher cut draws a longer prefix of the same sequence.
 */
export function interruptionSource(layers: readonly InterruptionLayer[], tickSeconds: number, horizonTicks: number): InterruptionSource {
  const totalRate = layers.reduce((a, l) => a + l.ratePerGpuHour, 0);
  const windowTicks = Math.max(1, Math.round(86_400 / tickSeconds));
  const windowHours = (windowTicks * tickSeconds) / 3600;
  return (spec, seed, replication) => {
    if (totalRate <= 0) return () => null;
    let window = Math.floor(spec.submitTick / windowTicks);
    let buffer: Interruption[] = [];
    return () => {
      while (buffer.length === 0) {
        if (window * windowTicks >= horizonTicks) return null;
        buffer = windowPoints(spec, window, seed, replication);
        window += 1;
      }
      return buffer.shift() ?? null;
    };
  };

  function windowPoints(spec: RunSpec, window: number, seed: number, replication: number): Interruption[] {
    const rng = createRng(seed, replication, `run:${spec.name}:preemptions:${window}`);
    const points: Array<Interruption & { y: number }> = [];
    let y = 0;
    for (;;) {
      y += -Math.log(1 - rng()) / (spec.gpus * windowHours);
      if (y >= totalRate) break;
      const tick = window * windowTicks + Math.floor(rng() * windowTicks);
      let floor = 0;
      const layer = layers.find((l) => y < (floor += l.ratePerGpuHour)) ?? layers[layers.length - 1];
      if (layer) points.push({ tick, cause: layer.cause, savesWork: layer.savesWork(spec), y });
    }
    return points.sort((a, b) => a.tick - b.tick || a.y - b.y).map(({ tick, cause, savesWork }) => ({ tick, cause, savesWork }));
  }
}
