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
  /** The 2% design dry-bulb: the outdoor temperature a plant is sized for. */
  designDryBulbC: number;
  designWetBulbC: number;
  heatWaves: HeatWaveClimate;
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
    // [B] July 2022 had 10 days >= 100 °F (37.8 °C), against an average July max of ~33 °C: a
    // heat wave lifts a day by ~4-5 °C for several days. Assumption: 1.5 such spells a summer,
    // 3 to 7 days each, between 1 June and 31 August, +4.5 °C.
    heatWaves: { perYear: 1.5, fromDayOfYear: 152, toDayOfYear: 243, minDays: 3, maxDays: 7, extraC: 4.5 },
  },
};
