import type { RunRecord } from '../simulation/record.js';

/** What the lease's power costs in one calendar month of the horizon. */
export interface MonthEnergyCost {
  month: string;
  energyMwh: number;
  /** Sum over the month's hours of facility MWh x the hour's price. */
  energyChargeUsd: number;
  /** The month's highest hourly mean facility power among the hours the demand charge counts. */
  billingDemandMw: number;
  /** Billing demand x 1,000 x the demand rate (USD per kW-month); not prorated for part months. */
  demandChargeUsd: number;
  costUsd: number;
}

/**
 * The facility's energy cost by month, from its record: the hourly tariff (or the flat price)
 * applied to the hourly facility energy at the lease's meter, plus the monthly demand charge.
 * With a flat price and no demand charge it is energy x price, as the report has always given.
 * Empty when the scenario has no facility.
 */
export function facilityEnergyCostByMonth(record: RunRecord): MonthEnergyCost[] {
  const f = record.facility;
  if (!f) return [];
  const rate = f.demandUsdPerKwMonth;
  return record.months.map((m) => {
    const from = Math.floor(m.startTick / f.ticksPerHour);
    const to = Math.ceil(m.endTick / f.ticksPerHour);
    let energyMwh = 0;
    let energyChargeUsd = 0;
    let billingDemandMw = 0;
    for (let h = from; h < Math.min(to, f.facilityMw.length); h += 1) {
      const mwh = ((f.facilityMw[h] ?? 0) * (f.hourTicks[h] ?? 0)) / f.ticksPerHour;
      energyMwh += mwh;
      energyChargeUsd += mwh * (f.priceUsdPerMwh[h] ?? 0);
      if (f.demandHour[h]) billingDemandMw = Math.max(billingDemandMw, f.facilityMw[h] ?? 0);
    }
    const demandChargeUsd = billingDemandMw * 1000 * rate;
    return { month: m.label, energyMwh, energyChargeUsd, billingDemandMw, demandChargeUsd, costUsd: energyChargeUsd + demandChargeUsd };
  });
}
