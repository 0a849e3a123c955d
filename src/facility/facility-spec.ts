import type { Site } from '../catalog/sites.js';
import type { Distribution } from '../random/distributions.js';
import type { TypicalYear } from './weather-file.js';

/** The facility as the engine uses it: defaults applied, dates as ticks, powers in kW or MW. */
export interface FacilitySpec {
  site: Site;
  weather: WeatherSpec;
  supply: SupplySpec;
  it: ItPowerSpec;
  cooling: CoolingSpec;
  policy: 'cap' | 'shed';
  /** Throughput of a capped GPU as a function of its cap share (see cap-law.ts). */
  capLaw: CapLaw;
  minCapShare: number;
  /** Prices the report's energy cost, for a lease that does not include power. */
  pricePerMwhUsd: number;
  /** Rack-level power smoothing, when the scenario asks for it. */
  smoothing: SmoothingSpec | null;
  /** The campus around the lease: shares bought, or other tenants' load (null: the lease is the campus). */
  campus: CampusSpec | null;
  tariff: TariffSpec | null;
  demandResponse: DemandResponseSpec | null;
  carbon: CarbonSpec;
}

export type CapLaw = { kind: 'curve'; points: ReadonlyArray<readonly [number, number]> } | { kind: 'exponent'; exponent: number };

export interface SmoothingSpec {
  storeKjPerRack: number;
  /** kW per second per rack; 'auto' is resolved against the supply's ramp limit (see smoothing.ts). */
  rampKwPerSecond: number | 'auto';
}

export interface CampusSpec {
  /** Shares of the campus supply and plant the lease buys (the supply and plant above are already scaled by them). */
  supplyShare: number;
  plantShare: number;
  /** The campus as written, before the shares: for the report. */
  campusSupplyMw: number;
  campusPlantMw: number;
  /** The racks the campus was built for, when written in racks (`campus.racks`). */
  racks: number | null;
  otherTenants: Array<{ name: string; itMw: number; fromHour: number }>;
}

export interface TariffPeriod {
  name: string;
  /** Calendar months (0-11) the period applies in. */
  months: readonly boolean[];
  days: 'all' | 'weekdays' | 'weekends';
  fromHour: number;
  toHour: number;
  usdPerMwh: number;
}

export interface TariffSpec {
  periods: TariffPeriod[];
  offPeakUsdPerMwh: number;
  file: string | null;
  /** Filled by the loader when `file` is set: USD per MWh by typical-year hour. */
  hourlyUsdPerMwh: HourlyYear | null;
  demandUsdPerKwMonth: number;
  demandPeriod: string | null;
}

export interface DemandResponseEvent {
  fromHour: number;
  hours: number;
  mw: number;
  usdPerMwh: number;
  noticeMinutes: number;
}

export interface DemandResponseSpec {
  events: DemandResponseEvent[];
  seeded: { perYear: number; hours: number; mw: number; usdPerMwh: number; noticeMinutes: number };
  accept: 'always' | 'when-paid';
  gpuHourValueUsd: number;
}

export interface CarbonSpec {
  gridKgCo2PerMwhByMonth: readonly number[];
  source: string;
  file: string | null;
  /** Filled by the loader when `file` is set: kg CO2 per MWh by typical-year hour. */
  hourlyKgCo2PerMwh: HourlyYear | null;
  turbineKgCo2PerMwh: number;
}

/** An hourly value read from a file as a typical year (see hourly-file.ts). */
export interface HourlyYear {
  utcOffsetHours: number;
  values: Float64Array;
}

export interface WaterSpec {
  evaporationLitersPerKwh: number;
  makeupPerEvaporated: number;
  latentShareAt0C: number;
  latentShareAt25C: number;
}

export interface WeatherSpec {
  /** A weather file, as written (resolved against the scenario file by the loader). */
  file: string | null;
  /** Filled by the loader when `file` is set. */
  typicalYear: TypicalYear | null;
  seededHeatWaves: boolean;
  /** Heat waves on given dates: [fromHour, toHour) of the horizon, plus extraC. */
  heatWaves: Array<{ fromHour: number; toHour: number; extraC: number }>;
}

export interface SupplySpec {
  /** Grid contract MW from each hour on; first at hour 0. */
  gridSteps: Array<{ hour: number; gridMw: number }>;
  turbines: { units: number; unitMw: number; mtbfHours: number; repairHours: Distribution };
  battery: { energyMwh: number; powerMw: number; roundTripEfficiency: number };
  curtailments: Array<{ fromHour: number; hours: number; mw: number }>;
  seededCurtailments: { perYear: number; hours: number; mw: number };
  rampMwPerMinute: number;
}

export interface ItPowerSpec {
  trainingKw: number;
  checkpointKw: number;
  restartKw: number;
  idleKw: number;
  /** Part of the training draw a GPU cap does not touch. */
  nonGpuKw: number;
  overheadMwPerItMw: number;
  electricalLossShare: number;
  liquidShare: number;
}

export interface CoolingSpec {
  plant: 'air-chillers' | 'cooling-towers';
  plantCapacityMw: number;
  designC: number;
  capacityLossPerC: number;
  kwPerKwAtDesign: number;
  kwPerKwChangePerC: number;
  minKwPerKw: number;
  cduCapacityKw: number;
  racksPerCdu: number;
  cduPumpKwPerKw: number;
  airKwPerKw: number;
  water: WaterSpec;
}
