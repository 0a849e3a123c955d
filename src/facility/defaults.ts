/**
 * Every facility default, in one place, each with its source (tags as in
 * reference/hardware.md) or its argued assumption.
 */
export const facilityDefaults = {
  site: 'memphis',
  // Training draws 75-90% of TDP on average ([C]; Epoch AI's cost method uses 75% [A]): the
  // middle of the range, applied to the rack's max IT power.
  trainingShareOfMax: 0.82,
  // While a checkpoint is written or a job restarts, GPUs wait on storage and the network:
  // assumption that they draw the rack's idle power (GB300: 18 of 136 kW [B]).
  checkpointAtIdle: true,
  // Campus IT outside the racks (fabric spine, storage): assumption of 3% of rack IT, the order of
  // a storage-light training cluster; no figure in the reference set.
  overheadMwPerItMw: 0.03,
  // Transformer and UPS losses: assumption of 4% (double-conversion UPS 94-97% efficient, less
  // with eco-mode; transformers ~1%).
  electricalLossShare: 0.04,
  policy: 'cap' as const,
  // Throughput under a power cap ~ (cap / uncapped draw) ^ 0.5. Argued, not sourced: dynamic
  // power goes as f·V² and voltage with clock, so power ~ clock³ and a clock-bound kernel would
  // keep (cap)^(1/3) of its speed; memory- and network-bound phases keep more, while static
  // power (which a cap cannot remove) makes clocks fall faster than power. 0.5 sits between the
  // cubic DVFS law (1/3) and proportional slowdown (1), and errs toward the larger loss.
  capExponent: 0.5,
  // B300 min power 200 W of 1,400 W ([A] GB200 DPS device spec, min 200 W): 0.5 of the training
  // draw keeps GPUs well above their floor; below it capsim sheds runs instead.
  minCapShare: 0.5,
  // Tennessee industrial ~6.7 ¢/kWh ([C]; US industrial 8-9.3 ¢ [B]): $67 per MWh.
  pricePerMwhUsd: 67,
  battery: { roundTripEfficiency: 0.9 }, // assumption: lithium-ion grid storage, 85-95%
  // Forced outages of an aeroderivative gas turbine: assumption of one every ~60 days (MTBF
  // 1,500 h) with a lognormal repair of median 24 h, p95 120 h; no figure in the reference set.
  turbineMtbfHours: 1500,
  turbineRepairHours: { distribution: 'lognormal' as const, median: 24, p95: 120 },
  cooling: {
    'air-chillers': {
      // Colossus 2: 119 air-cooled chillers, ~200 MW of cooling (Aug 2025) [C]
      plantCapacityMw: 200,
      // Air-cooled chiller capacity falls ~2% per 5 °F rise [C]: 0.02 / (5 / 1.8) = 0.72% per °C
      capacityLossPerC: 0.0072,
      // Mechanical chillers 0.17-0.23 kW per kW of heat [B]: the middle, at the design point
      kwPerKwAtDesign: 0.2,
      // Assumption: chiller input rises ~3% per °C of condensing temperature (the usual rule of
      // thumb for vapour-compression lift); cooler air needs less, down to the floor.
      kwPerKwChangePerC: 0.03,
      // Tower-only (free) cooling ~0.06 kW/kW [B]: the floor when outdoor air does most of the work
      minKwPerKw: 0.06,
    },
    'cooling-towers': {
      plantCapacityMw: 200, // as for the air chillers: the campus's ~200 MW of heat rejection [C]
      // Towers approach within 4-5 °F of wet-bulb [B]; assumption that capacity falls 2% per °C
      // of wet-bulb above design (the approach shrinks quickly).
      capacityLossPerC: 0.02,
      kwPerKwAtDesign: 0.06, // tower-only ~0.06 kW/kW [B]
      kwPerKwChangePerC: 0.03, // assumption, as for the chillers: fan and pump work rise with the lift
      minKwPerKw: 0.03, // assumption: fans at low speed, pumps only
    },
  },
  // Facility-scale CDU 2-5 MW per unit [C]: 2 MW, serving 14 racks (14 x 136 kW x 0.94 = 1.79 MW).
  cduCapacityKw: 2000,
  racksPerCdu: 14,
  // Assumptions: CDU and secondary-loop pumps ~1% of the liquid heat (~1.5 L/min per kW [C] at
  // modest head); CRAH/fan-wall fans ~5% of the air heat.
  cduPumpKwPerKw: 0.01,
  airKwPerKw: 0.05,
} as const;
