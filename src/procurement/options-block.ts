import { evaluateReplication, type ReplicationResult } from './evaluate-replication.js';
import type { OptionsModel } from './options-model.js';

/** A contiguous block of replications of every option: what a worker thread is given by compare, sensitivity and breakeven. */
export interface OptionsTask {
  kind: 'options';
  model: OptionsModel;
  seed: number;
  from: number;
  to: number;
  /** Only the options at these indices (all when absent). */
  only?: number[];
}

export function runOptionsBlock(task: OptionsTask): ReplicationResult[] {
  const out: ReplicationResult[] = [];
  for (let r = task.from; r < task.to; r += 1) out.push(evaluateReplication(task.model, task.seed, r, task.only));
  return out;
}
