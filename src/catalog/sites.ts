/**
 * Site climate catalog: what the synthetic weather generator and the sizing command need to know
 * about a place. Every number cites its source (tags as in the hardware catalog).
 */
export interface Site {
  id: string;
  name: string;
  /** Local standard time - UTC, in hours (the diurnal cycle peaks in local mid-afternoon). */
  utcOffsetHours: number;
  /** 30-year mean temperature of each calendar month, January first. */
  monthlyMeanC: readonly number[];
  /** Mean daily range (max - min) of each calendar month. */
  dailyRangeC: readonly number[];
  /** Mean dew point of each calendar month (for wet-bulb, which cooling towers follow). */
  monthlyDewPointC: readonly number[];
  /** Standard deviation of a day's mean temperature about its normal. */
  dailyAnomalySdC: readonly number[];
  /** Lag-one autocorrelation of daily anomalies (weather persists for a few days). */
  anomalyPersistence: number;
  /** The plant's design dry-bulb: the outdoor temperature it is sized for (see `designSource`). */
  designDryBulbC: number;
  designWetBulbC: number;
  /** Where the design point comes from and what it means (which share of hours exceed it). */
  designSource: string;
  /**
   * Published annual cooling design conditions: the dry-bulb (and wet-bulb) exceeded by 0.4%, 1%
   * and 2% of the year's hours (ASHRAE's convention). A figure not found is null, and sizing
   * derives it from the site's weather model and says so.
   */
  designConditions: readonly DesignCondition[];
  heatWaves: HeatWaveClimate;
  /** Location-based grid carbon intensity by calendar month, January first. */
  gridCarbon: { kgCo2PerMwhByMonth: readonly number[]; source: string };
}

export interface DesignCondition {
  /** Share of the year's hours above the temperature, in percent. */
  percentExceeded: 0.4 | 1 | 2;
  dryBulbC: number | null;
  wetBulbC: number | null;
  source: string;
}

export interface HeatWaveClimate {
  /** Mean number of heat waves a summer (Poisson). */
  perYear: number;
  /** Window of the year in which they fall: first and last day of year (1-based). */
  fromDayOfYear: number;
  toDayOfYear: number;
  /** Length in whole days, drawn uniformly between these. */
  minDays: number;
  maxDays: number;
  /** Added to every hour of a heat-wave day. */
  extraC: number;
}

export const siteCatalog: Readonly<Record<string, Site>> = {
  memphis: {
    id: 'memphis',
    name: 'Memphis, Tennessee (Memphis Intl, ASHRAE climate zone 3A)',
    utcOffsetHours: -6, // US Central Standard Time
    // [B] Memphis 30-year climate table (parishenrycoedc.us, Memphis data), °F -> °C:
    // 42.0, 44.6, 51.6, 61.9, 70.8, 79.8, 81.8, 81.0, 74.4, 63.6, 50.6, 43.5 °F
    monthlyMeanC: [5.6, 7.0, 10.9, 16.6, 21.6, 26.6, 27.7, 27.2, 23.6, 17.6, 10.3, 6.4],
    // [C] coolweather.net Memphis records: ~9.6 °C in January (49.0/31.7 °F), ~10.7 °C in June
    // (88.7/69.4 °F). [D] The other months interpolate linearly between January and June and
    // mirror back to December: a smooth seasonal swing between the two sourced values.
    dailyRangeC: [9.6, 9.8, 10.0, 10.3, 10.5, 10.7, 10.7, 10.5, 10.3, 10.0, 9.8, 9.6],
    // [B] summer dew points in the mid-to-upper 70s °F (~24 °C in July). [D] Other months: an
    // assumption that the dew point trails the monthly mean by ~4 °C in summer and 5 °C in
    // winter, as at a humid subtropical (3A) site; only cooling towers use it.
    monthlyDewPointC: [0.6, 2.0, 5.9, 12.0, 17.6, 22.6, 24.0, 23.5, 19.6, 12.6, 5.3, 1.4],
    // Assumption (no figure in the reference set): day-to-day spread of daily means of 4 °C in
    // winter and 2 °C in summer, with persistence 0.7, the usual order for a continental
    // mid-latitude site; monthly means are unaffected because anomalies have mean zero.
    dailyAnomalySdC: [4.0, 4.0, 3.5, 3.0, 2.5, 2.0, 2.0, 2.0, 2.5, 3.0, 3.5, 4.0],
    anomalyPersistence: 0.7,
    designDryBulbC: 35, // [B] ASHRAE 2% design dry-bulb, 95 °F
    designWetBulbC: 27, // [D] from summer dew points in the upper 70s °F at the design dry-bulb
    designSource: 'ASHRAE 2% dry-bulb, 95 °F [B] (reference/hardware.md); the site model puts it near its 1% hour',
    // [B] the 2% dry-bulb is in reference/hardware.md; the 0.4% and 1% figures for Memphis Intl
    // (723340) were not found (reference/economics-and-grid.md §4): derived from the weather model.
    designConditions: [
      { percentExceeded: 0.4, dryBulbC: null, wetBulbC: null, source: 'no published figure found for Memphis Intl (ASHRAE 723340)' },
      { percentExceeded: 1, dryBulbC: null, wetBulbC: null, source: 'no published figure found for Memphis Intl (ASHRAE 723340)' },
      { percentExceeded: 2, dryBulbC: 35, wetBulbC: null, source: 'ASHRAE 2% dry-bulb, 95 °F [B]' },
    ],
    // [B] July 2022 had 10 days >= 100 °F (37.8 °C), against an average July max of ~33 °C: a
    // heat wave lifts a day by ~4-5 °C for several days. Assumption: 1.5 such spells a summer,
    // 3 to 7 days each, between 1 June and 31 August, +4.5 °C.
    heatWaves: { perYear: 1.5, fromDayOfYear: 152, toDayOfYear: 243, minDays: 3, maxDays: 7, extraC: 4.5 },
    // [A] TVA system 624.94 lb CO2/MWh (2023, purchases included) x 0.4536 = 283 kg/MWh [D]. No
    // monthly profile was found: every month carries the annual figure.
    gridCarbon: { kgCo2PerMwhByMonth: Array.from({ length: 12 }, () => 283), source: 'TVA system 2023, 624.94 lb/MWh [A]; flat (no monthly profile found)' },
  },
  cheyenne: {
    id: 'cheyenne',
    name: 'Cheyenne, Wyoming (Cheyenne Regional Airport, 1,860 m, semi-arid)',
    utcOffsetHours: -7, // US Mountain Standard Time
    // [B] NWS Cheyenne: January 2023 averaged 25.6 °F, 3.6 °F below normal, so the January normal
    // is 29.2 °F (-1.6 °C); [B] July normal daily 55-82 °F (city-data.com, 1971-2000 normals):
    // mean 68.5 °F (20.3 °C). [D] The other months follow a cosine through those two.
    monthlyMeanC: [-1.6, -0.1, 3.9, 9.3, 14.8, 18.8, 20.3, 18.8, 14.8, 9.3, 3.9, -0.1],
    // [B] normal daily range 23 °F in January (15-38 °F) and 27 °F in July (55-82 °F): 12.8 and
    // 15.0 °C; [D] a cosine between them. High and dry: large diurnal swings.
    dailyRangeC: [12.8, 12.9, 13.4, 13.9, 14.5, 14.9, 15, 14.9, 14.5, 13.9, 13.4, 12.9],
    // [C] relative humidity averages well below 60% all year; [D] dew points at 50% relative
    // humidity at each monthly mean (Magnus formula). Stull's wet-bulb is a sea-level formula; at
    // 1,860 m it reads a few tenths of a degree high, a conservative error for towers.
    monthlyDewPointC: [-10.7, -9.3, -5.6, -0.6, 4.5, 8.2, 9.5, 8.2, 4.5, -0.6, -5.6, -9.3],
    // Assumption (no figure in the reference set): a continental high-plains site varies more
    // from day to day than Memphis, 5 °C in winter (chinooks and arctic fronts) to 2.5 °C in summer.
    dailyAnomalySdC: [5.0, 5.0, 4.5, 4.0, 3.0, 2.5, 2.5, 2.5, 3.0, 4.0, 4.5, 5.0],
    anomalyPersistence: 0.7, // assumption, as for Memphis
    // [D] the site model's 1% hour (dry-bulb and wet-bulb, 30 synthetic years): no ASHRAE figure
    // for Cheyenne was found.
    designDryBulbC: 29,
    designWetBulbC: 18,
    designSource: "the site model's 1% hour [D]: no published design figure was found",
    designConditions: [
      { percentExceeded: 0.4, dryBulbC: null, wetBulbC: null, source: 'no published figure found for Cheyenne (ASHRAE 725640)' },
      { percentExceeded: 1, dryBulbC: null, wetBulbC: null, source: 'no published figure found for Cheyenne (ASHRAE 725640)' },
      { percentExceeded: 2, dryBulbC: null, wetBulbC: null, source: 'no published figure found for Cheyenne (ASHRAE 725640)' },
    ],
    // [B] NWS Cheyenne 2021 summary: the year peaked twice at 96 °F (35.6 °C), ~15 °C above the
    // July mean. Assumption: one hot spell a summer, 3 to 5 days, +3 °C, 15 June to 31 August.
    heatWaves: { perYear: 1, fromDayOfYear: 166, toDayOfYear: 243, minDays: 3, maxDays: 5, extraC: 3 },
    // [B] EPA Clean Power Plan proposal (2014): Wyoming's 2012 power-plant emission rate 2,115 lb
    // CO2/MWh (insideenergy.org) x 0.4536 = 959 kg/MWh [D]; a coal-heavy grid, flat by month.
    gridCarbon: { kgCo2PerMwhByMonth: Array.from({ length: 12 }, () => 959), source: 'Wyoming power plants 2012, 2,115 lb/MWh [B]; flat (no monthly profile found)' },
  },
};
