import type { Distribution } from '../random/distributions.js';

/**
 * Every default a scenario falls back on, in one place, each with its reason. Checkpoints and
 * restarts follow current practice (asynchronous checkpoints, automated restarts), not the
 * 2-minute blocking write and 10-minute restart of older runs.
 */
export const defaults = {
  // 1 s: fine enough that no duration a run pays (a checkpoint stall of seconds, a failure's
  // place in time) depends on the tick; the engine's cost follows events, not ticks.
  tickSeconds: 1,
  spareRacks: 0,
  // 2.0e-5 per GPU-hour: [A] Llama 3 paper §3.3.4, 419 unexpected interruptions in 54 days on
  // 16,384 H100 GPUs = 419 / (54 x 24 x 16,384)
  failureRatePerGpuHour: 2.0e-5,
  // Detect and reload after an interruption: median 3 min, 95th percentile 10 min. Automated
  // recovery from an in-memory or peer checkpoint takes under 2 minutes ([A] AWS, SageMaker
  // HyperPod checkpointless training, Dec 2025: 15-30+ min down to <2 min); published cluster
  // studies give 5-20 min to detect and reload ([B]). The median and tail between the two are an
  // assumption within that range.
  restartMinutes: { distribution: 'lognormal', median: 3, p95: 10 } as Distribution,
  // A hot spare swapped in inside the rack (recovery: swap): no public figure; median 10 min,
  // p95 30 min is an assumption. A failed NVL72 node is replaced inside its rack ([A] CoreWeave
  // GB200 documentation: no cross-rack node swap).
  swapMinutes: { distribution: 'lognormal', median: 10, p95: 30 } as Distribution,
  // median 2 h, tail ~19 h: [B] published cluster studies; the tail is read as the 95th percentile
  repairHours: { distribution: 'lognormal', median: 2, p95: 19 } as Distribution,
  // A hang ends when the collective times out: 10 min is PyTorch's ProcessGroupNCCL default
  // timeout ([A] pytorch/pytorch#110947, PyTorch 2.2 on).
  hangDetectionMinutes: 10,
  // 0.1 min (6 s): the training stall of an asynchronous checkpoint ([A] PyTorch blog, "Reducing
  // Model Checkpointing Times by Over 10x with PyTorch Distributed Asynchronous Checkpointing":
  // 6.3 s for a 7B model, down from 148.8 s blocking; [C] NeMo asynchronous checkpoints: 2-3 min
  // down to under 10 s).
  checkpointWriteMinutes: 0.1,
  checkpointInterval: 'auto' as const,
  priority: 0,
} as const;

/** Where the defaults a report states come from, as it shows them. */
export const defaultSources = {
  failureRatePerGpuHour: '[A] Llama 3 paper §3.3.4: 419 unexpected interruptions in 54 days on 16,384 H100 GPUs',
} as const;
