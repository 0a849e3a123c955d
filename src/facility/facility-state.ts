import type { EngineScenario } from '../engine/spec.js';
import type { SimState } from '../engine/state.js';
import type { FacilitySpec } from './facility-spec.js';
import type { HourConditions } from './conditions.js';
import { buildTimeline, type FacilityTimeline } from './timeline.js';
import { createDrState, type DrState } from './demand-response.js';
import type { RunLedger } from './run-ledger.js';
import { autoRampKwPerSecond, noSmoothing, type RackRamp } from './smoothing.js';
import { emptySwingTally, type SeenRun, type SwingTally } from './swings.js';
import { facilityPerRackItMw } from './facility-power.js';
import { gridKgCo2PerMwhByHour } from './grid-carbon.js';

/**
 * The facility's mutable state within one simulation. The engine calls it at event ticks only:
 * between events nothing in the cluster changes, and the hour boundaries of the weather series
 * are events themselves, so every stretch integrated lies inside one hour at one temperature.
 */
export interface FacilityState {
  spec: FacilitySpec;
  timeline: FacilityTimeline;
  /** The grid's carbon intensity each hour (kg CO2 per MWh). */
  gridKgCo2PerMwh: Float64Array;
  ticksPerHour: number;
  tickSeconds: number;
  /** Integrated up to this tick. */
  lastTick: number;
  /** GPU power cap as a share of the uncapped training draw (1 = uncapped). */
  capShare: number;
  /** Throughput factor of the cap: capShare ^ capExponent. */
  speedFactor: number;
  /** Racks kept from the scheduler after shedding (taken from the free pool). */
  withheldRacks: number;
  /** Racks the facility wants withheld: shed racks still writing their last checkpoint count. */
  withheldTarget: number;
  batteryMwh: number;
  /** What the battery may add this hour: min(power, energy / 1 h). */
  batteryAllowanceMw: number;
  sheds: number;
  /** Rack smoothing as resolved for this campus (no smoothing: an infinite ramp, no store). */
  ramp: RackRamp;
  /** The largest step the supply follows within one tick: rampMwPerMinute x tick minutes. */
  swingLimitMw: number;
  swings: SwingTally;
  /** What each run holding racks was doing at the end of the last stretch (see swings.ts). */
  seen: Map<number, SeenRun>;
  /** Counts the stretches integrated, to tell which runs held racks in the previous one. */
  stretch: number;
  /** The demand-response limit on the lease's grid draw in force (Infinity outside an event). */
  drGridLimitMw: number;
  /** Throughput factor the cap would have had without the demand-response limit. */
  drFreeSpeedFactor: number;
  dr: DrState | null;
  /** The hour whose runs' shares are still open, and each run's rack kW-ticks in it (see run-ledger.ts). */
  openHour: number;
  openRunKwTicks: Map<number, number>;
  runLedger: Map<number, RunLedger>;
  /** Rack-ticks of throughput lost to the cap: compute rack-ticks x (1 - speed factor). */
  cappedLossRackTicks: number;
  /** The same by run index, and sheds by run index (maps: most runs are never held back). */
  runCappedLossRackTicks: Map<number, number>;
  runSheds: Map<number, number>;
  withheldRackTicks: number;
  /** Energy the supply and battery could not cover (0 unless the envelope cannot hold even idle racks). */
  unservedMwh: number;
  hourly: HourlyAccumulators;
  /** The last hour's conditions (see conditions.ts), for the installed racks they were computed at. */
  conditions: HourConditions | null;
  conditionsHour: number;
  conditionsRacks: number;
  conditionsGridLimitMw: number;
  load: Load;
  /** What the last evaluation saw: hour, installed, down, allocated and free racks, battery allowance, demand-response limit. */
  lastKey: Float64Array;
}

/** The engine's state with the facility's beside it, as the facility participant sees it. */
export type FacilitySimState = SimState & { facility?: FacilityState };

/** The facility's load at one moment (see enforce.ts); one object per simulation, refilled. */
export interface Load {
  /** Rack IT that does not depend on the cap: idle racks, racks writing a last checkpoint. */
  fixedKw: number;
  activeRacks: number;
  /** The most rack IT the constraints allow. */
  limitKw: number;
  conditions: HourConditions | null;
}

/** Per hour of the horizon. Sums are over ticks (MW-ticks), turned into means by the record. */
export interface HourlyAccumulators {
  rackItMwTicks: Float64Array;
  batteryMwTicks: Float64Array;
  minCapShare: Float64Array;
  cappedTicks: Float64Array;
  withheldRackTicks: Float64Array;
  /** Max over the hour of the conservative instantaneous demand after the policy acted. */
  peakDemandMw: Float64Array;
  /** Supply the policy had to fit in (grid, turbines, battery allowance), at the same moment. */
  availableMw: Float64Array;
  peakHeatMw: Float64Array;
  plantCapacityMw: Float64Array;
  peakRackKw: Float64Array;
  /** Largest whole-run step in facility power within the hour (a checkpoint write or a restart). */
  swingMw: Float64Array;
  /** Grid and turbines left for the lease (other tenants served), and the lowest demand-response grid limit. */
  leaseGridMw: Float64Array;
  leaseTurbinesMw: Float64Array;
  gridLimitMw: Float64Array;
  /** Rack IT burned by smoothing (ramping down slowly), MW-ticks: part of rackItMwTicks. */
  burnMwTicks: Float64Array;
  /** 1 when, at some moment of the hour, demand after the policy exceeded the supply of that moment. */
  short: Float64Array;
}

export function createFacilityState(scenario: EngineScenario, spec: FacilitySpec, seed: number, replication: number): FacilityState {
  const ticksPerHour = 3600 / scenario.tickSeconds;
  const hours = Math.ceil(scenario.horizonTicks / ticksPerHour);
  const timeline = buildTimeline(spec, scenario.startMinutes, hours, seed, replication);
  const zeros = () => new Float64Array(hours);
  const smoothing = spec.smoothing;
  const designPerRackIt = facilityPerRackItMw(spec.it, spec.cooling, spec.cooling.designC);
  const ramp: RackRamp = smoothing
    ? {
        rampKwPerSecond: smoothing.rampKwPerSecond === 'auto' ? autoRampKwPerSecond(spec.supply.rampMwPerMinute, scenario.cluster.maxRacks, designPerRackIt) : smoothing.rampKwPerSecond,
        storeKj: smoothing.storeKjPerRack,
      }
    : noSmoothing;
  return {
    spec,
    timeline,
    gridKgCo2PerMwh: gridKgCo2PerMwhByHour(spec, scenario.startMinutes, hours),
    ticksPerHour,
    tickSeconds: scenario.tickSeconds,
    lastTick: 0,
    capShare: 1,
    speedFactor: 1,
    withheldRacks: 0,
    withheldTarget: 0,
    batteryMwh: spec.supply.battery.energyMwh,
    batteryAllowanceMw: 0,
    sheds: 0,
    ramp,
    swingLimitMw: (spec.supply.rampMwPerMinute * scenario.tickSeconds) / 60,
    swings: emptySwingTally(),
    seen: new Map(),
    stretch: 0,
    drGridLimitMw: Infinity,
    drFreeSpeedFactor: 1,
    dr: createDrState(timeline.demandResponse),
    openHour: 0,
    openRunKwTicks: new Map(),
    runLedger: new Map(),
    cappedLossRackTicks: 0,
    runCappedLossRackTicks: new Map(),
    runSheds: new Map(),
    withheldRackTicks: 0,
    unservedMwh: 0,
    conditions: null,
    conditionsHour: -1,
    conditionsRacks: -1,
    conditionsGridLimitMw: Infinity,
    load: { fixedKw: 0, activeRacks: 0, limitKw: 0, conditions: null },
    lastKey: new Float64Array(7).fill(NaN),
    hourly: {
      rackItMwTicks: zeros(),
      batteryMwTicks: zeros(),
      minCapShare: zeros().fill(1),
      cappedTicks: zeros(),
      withheldRackTicks: zeros(),
      peakDemandMw: zeros(),
      availableMw: zeros().fill(Infinity),
      peakHeatMw: zeros(),
      plantCapacityMw: zeros(),
      peakRackKw: zeros(),
      swingMw: zeros(),
      leaseGridMw: zeros(),
      leaseTurbinesMw: zeros(),
      gridLimitMw: zeros().fill(Infinity),
      burnMwTicks: zeros(),
      short: zeros(),
    },
  };
}
