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
  capExponent: number;
  minCapShare: number;
  /** Prices the report's energy cost, for a lease that does not include power. */
  pricePerMwhUsd: number;
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
}
