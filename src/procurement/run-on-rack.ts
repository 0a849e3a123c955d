import type { Precision } from '../catalog/gpus.js';
import type { RackType } from '../catalog/racks.js';
import type { RunPhaseSpec, RunSpec } from '../scenario/scenario.js';

/** The precision a run computes at on a GPU: its own, or FP8 when the GPU has no FP4. */
export function precisionOn(precision: Precision, rack: RackType): Precision {
  return rack.gpu.denseTflops[precision] === undefined && precision === 'fp4' ? 'fp8' : precision;
}

/** The dense peak a run's precision gets on a rack's GPU (after the FP4 fallback). */
export function peakTflops(precision: Precision, rack: RackType): number {
  return rack.gpu.denseTflops[precisionOn(precision, rack)] ?? 0;
}

type Sized = Pick<RunSpec, 'racks' | 'gpus' | 'precision' | 'tflopsPerGpu'>;

/** A size and speed on another rack type (see runOnRack); the same object when nothing changes. */
function moveSize<T extends Sized>(s: T, from: RackType, to: RackType, maxRacks: number): T {
  const sameRack = from === to;
  const wantedRacks = sameRack ? s.racks : Math.ceil(s.gpus / to.gpusPerRack);
  const racks = Math.max(1, Math.min(wantedRacks, maxRacks));
  const gpus = racks < wantedRacks ? racks * to.gpusPerRack : s.gpus;
  if (sameRack && racks === s.racks) return s;
  const fromPeak = peakTflops(s.precision, from);
  const ratio = sameRack || fromPeak <= 0 ? 1 : peakTflops(s.precision, to) / fromPeak;
  return { ...s, racks, gpus, tflopsPerGpu: s.tflopsPerGpu * ratio };
}

/**
 * The same run on another rack type: it keeps its GPUs (racks = ceil(GPUs / GPUs per rack of
 * the new rack), so whole racks are held and paid for), at most `maxRacks` racks (a cap makes a
 * larger run smaller: same work, longer), and it computes at the new GPU's dense peak for its
 * precision times the same MFU: its achieved TFLOP/s scale by the ratio of the peaks. A run at
 * FP4 on a GPU without FP4 computes at FP8. Each of its phases moves the same way.
 */
export function runOnRack(spec: RunSpec, from: RackType, to: RackType, maxRacks = Infinity): RunSpec {
  const moved = moveSize(spec, from, to, maxRacks);
  const phases = spec.phases?.map((p): RunPhaseSpec => moveSize(p, from, to, maxRacks));
  if (moved === spec && (phases ?? []).every((p, i) => p === spec.phases?.[i])) return spec;
  return { ...moved, ...(phases ? { phases } : {}) };
}
