import type { Site } from '../catalog/sites.js';
import { percentileHour, shareOfHoursAbove } from './size-envelope.js';
import type { WeatherSeries } from './weather.js';

/**
 * The annual cooling design conditions in the convention planners use (ASHRAE's): the dry-bulb
 * and wet-bulb exceeded by 0.4%, 1% and 2% of the year's hours. Each comes from the site catalog
 * with its source where one was found; otherwise it is derived from the weather the sizing reads
 * (the site's model, or a weather file) and says so. Published wet-bulb figures are not usually
 * coincident with the dry-bulb; the derived ones are each the percentile of their own series.
 */
export interface DesignConditionAnswer {
  percentExceeded: number;
  meaning: string;
  dryBulbC: number;
  wetBulbC: number;
  source: string;
  /** The same percentile of the weather read, beside a published figure, for comparison. */
  modelDryBulbC: number;
}

export function designConditions(site: Site, weather: WeatherSeries, weatherName: string): DesignConditionAnswer[] {
  return site.designConditions.map((d) => {
    const model = percentileHour(weather, 1 - d.percentExceeded / 100);
    const derived = `derived from ${weatherName} (${d.source})`;
    return {
      percentExceeded: d.percentExceeded,
      meaning: `exceeded by ${d.percentExceeded}% of the year's hours (~${Math.round((d.percentExceeded / 100) * 8760)} h)`,
      dryBulbC: d.dryBulbC ?? model.dryBulbC,
      wetBulbC: d.wetBulbC ?? model.wetBulbC,
      source:
        d.dryBulbC === null
          ? derived
          : `dry-bulb ${d.source}, where ${weatherName} puts ${model.dryBulbC.toFixed(1)} °C` + (d.wetBulbC === null ? `; wet-bulb derived from ${weatherName}` : ''),
      modelDryBulbC: model.dryBulbC,
    };
  });
}

/** The plant's design point, where it comes from, and how often the weather read exceeds it. */
export function designPoint(site: Site, weather: WeatherSeries) {
  return {
    dryBulbC: site.designDryBulbC,
    wetBulbC: site.designWetBulbC,
    source: site.designSource,
    percentOfHoursAbove: shareOfHoursAbove(weather, site.designDryBulbC) * 100,
  };
}
