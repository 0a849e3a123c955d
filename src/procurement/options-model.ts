import { noFiles, normalizeWithFiles, drawInputs, realizeScenario, type ScenarioFiles, type Uncertainty } from '../scenario/uncertainty.js';
import type { Scenario } from '../scenario/scenario.js';
import type { WrittenScenario } from '../scenario/schema.js';
import type { EvaluateContext } from './option-assembly.js';
import type { ProcurementOption } from './option.js';
import { resolveOptions } from './resolve-options.js';
import { sensitivityParameter, type ParameterValue } from './sensitivity-parameters.js';

/**
 * Everything needed to evaluate the options in any replication, as data (worker threads get it
 * whole): the scenario as loaded, its uncertain inputs, the options (their names select which
 * are evaluated, in this order), parameters held at other values (sensitivity), and the value of
 * a varied key (breakeven).
 */
export interface OptionsModel {
  scenario: Scenario;
  written: WrittenScenario;
  uncertainty?: Uncertainty | null;
  files?: ScenarioFiles;
  options: readonly ProcurementOption[];
  parameters?: readonly ParameterValue[];
  variedValue?: number;
}

/** One replication's scenario and options, and the inputs drawn for it (in the inputs' order). */
export interface RealizedOptions {
  ctx: EvaluateContext;
  options: ProcurementOption[];
  inputs: number[];
}

/**
 * Replication r's scenario and options: the inputs drawn (the same values for every option),
 * the varied key set, the parameters applied. Without any of these the loaded scenario and the
 * given options are used as they are, so nothing changes for a scenario that knows everything.
 */
export function realizeOptions(model: OptionsModel, seed: number, replication: number): RealizedOptions {
  const u = model.uncertainty ?? null;
  const parameters = model.parameters ?? [];
  const onWritten = parameters.flatMap((p) => {
    const parameter = sensitivityParameter(p.parameter);
    return parameter && 'written' in parameter ? [{ parameter, value: p.value }] : [];
  });
  let scenario = model.scenario;
  let written = model.written;
  let inputs: number[] = [];
  if (u) {
    inputs = drawInputs(u.inputs, seed, replication);
    ({ scenario, written } = realizeScenario(u, inputs, model.variedValue));
  }
  if (onWritten.length > 0) {
    written = onWritten.reduce((w, { parameter, value }) => parameter.written(w, value), written);
    scenario = normalizeWithFiles(written, u?.files ?? model.files ?? noFiles);
  }
  let options = u || onWritten.length > 0 ? sameNames(resolveOptions(written, scenario), model.options) : [...model.options];
  let ctx: EvaluateContext = { scenario, written };
  for (const p of parameters) {
    const parameter = sensitivityParameter(p.parameter);
    if (parameter && 'apply' in parameter) ({ ctx, options } = parameter.apply(ctx, options, typeof p.value === 'number' ? p.value : 1));
  }
  return { ctx, options, inputs };
}

/** The resolved options named as `wanted`, in its order (one not found keeps the given one). */
function sameNames(resolved: readonly ProcurementOption[], wanted: readonly ProcurementOption[]): ProcurementOption[] {
  const byName = new Map(resolved.map((o) => [o.name, o]));
  return wanted.map((o) => byName.get(o.name) ?? o);
}
