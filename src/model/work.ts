/** Training compute: the 6ND rule and the speed of a run. */

/** Total training FLOPs of a dense or MoE transformer: 6 x (active) parameters x tokens. */
export function trainingFlop(activeParams: number, tokens: number): number {
  return 6 * activeParams * tokens;
}

/** FLOPs a run of `gpus` GPUs computes in one tick of `tickSeconds` at `tflopsPerGpu` achieved. */
export function flopPerTick(gpus: number, tflopsPerGpu: number, tickSeconds: number): number {
  return gpus * tflopsPerGpu * 1e12 * tickSeconds;
}
