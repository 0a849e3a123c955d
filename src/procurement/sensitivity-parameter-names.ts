/**
 * The names of the sensitivity parameters (see sensitivity-parameters.ts), in their order: what
 * `capsim sensitivity --parameters` offers, known without loading the parameters themselves
 * (they load the random distributions), so that the CLI starts fast.
 */
export const sensitivityParameterNames = ['cloud-price', 'lease-fee', 'failure-rate', 'mfu', 'utilization', 'pue', 'power-price', 'racks', 'gpu-type', 'restart-time', 'checkpoint-write'] as const;

export type SensitivityParameterName = (typeof sensitivityParameterNames)[number];
