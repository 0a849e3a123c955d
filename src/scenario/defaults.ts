import type { Distribution } from '../random/distributions.js';

/** Every default a scenario falls back on, in one place, each with its reason. */
export const defaults = {
  // 1 s: fine enough that no duration a run pays (a checkpoint stall of seconds, a failure's
  // place in time) depends on the tick; the engine's cost follows events, not ticks.
  tickSeconds: 1,
  spareRacks: 0,
  // 2.0e-5 per GPU-hour: [A] Llama 3 paper §3.3.4, 419 unexpected interruptions in 54 days on
  // 16,384 H100 GPUs = 419 / (54 x 24 x 16,384)
  failureRatePerGpuHour: 2.0e-5,
  // 10 min: [B] published cluster studies give 5–20 min to detect and reload; the middle
  restartMinutes: 10,
  // median 2 h, tail ~19 h: [B] published cluster studies; the tail is read as the 95th percentile
  repairHours: { distribution: 'lognormal', median: 2, p95: 19 } as Distribution,
  // Blocking time of an asynchronous checkpoint: no public figure in the reference set; 2 min is
  // an assumption a scenario should override with its own measurement.
  checkpointWriteMinutes: 2,
  checkpointInterval: 'auto' as const,
  priority: 0,
} as const;

/** Where the defaults a report states come from, as it shows them. */
export const defaultSources = {
  failureRatePerGpuHour: '[A] Llama 3 paper §3.3.4: 419 unexpected interruptions in 54 days on 16,384 H100 GPUs',
} as const;
