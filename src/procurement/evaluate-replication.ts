import { evaluateOption } from './evaluate-option.js';
import type { OptionResult } from './option-result.js';
import { realizeOptions, type OptionsModel } from './options-model.js';

/** Every option of the model in one replication, and the uncertain inputs drawn for it. */
export interface ReplicationResult {
  results: OptionResult[];
  inputs: number[];
}

/**
 * Replication r of every option: one draw of the inputs, shared by all options (common random
 * numbers), each option simulated and billed. `only` limits it to the options at these indices.
 */
export function evaluateReplication(model: OptionsModel, seed: number, replication: number, only?: readonly number[]): ReplicationResult {
  const { ctx, options, inputs } = realizeOptions(model, seed, replication);
  // The lease's fallback is found by name among all the options, whichever are evaluated.
  const withOptions = { ...ctx, options };
  const indices = only ?? options.map((_, i) => i);
  return { results: indices.map((i) => evaluateOption(withOptions, options[i] as (typeof options)[number], seed, replication)), inputs };
}
