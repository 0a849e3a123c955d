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
  // Throughput under a cap, calibrated as a curve of (cap share, throughput) points, linear
  // between them. [A] NVIDIA (blog on power profiles): up to 15% energy saved at >= 97% of the
  // performance; energy per unit of work = share / throughput, so 0.85 x 0.97 = 0.825 of the draw
  // keeps 0.97 of the speed [D]. At the floor (minCapShare 0.5) the curve meets the argued law
  // above, 0.5 ^ 0.5 = 0.707: no figure was found for deep caps, and the square root errs toward
  // the larger loss there. `capExponent` selects the old power law instead.
  capCurve: [
    [0.5, 0.707],
    [0.825, 0.97],
    [1, 1],
  ] as ReadonlyArray<readonly [number, number]>,
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
  // Simple-cycle gas turbine: 9,788 Btu/kWh ([B] EIA 2017) x 53.06 kg CO2/MMBtu ([A] EIA 1605
  // coefficients) = 0.52 t CO2 per MWh generated [D] (combined cycle: 0.39).
  turbineKgCo2PerMwh: 520,
  // GB300 rack-level power smoothing ([A] NVIDIA, "How new GB300 NVL72 features provide steady
  // power for AI": energy storage in the power shelves, ramp limits set through NVML in W/s).
  smoothing: {
    // Assumption: ~1 s of the rack's max draw (136 kJ, ~1.9 kJ per GPU). The PSU stores bridge
    // sub-second to second-scale steps; NVIDIA publishes no capacity.
    storeKjPerRack: 136,
    // 'auto': the operator sets each rack's ramp so that every installed rack ramping together
    // stays within the supply's rampMwPerMinute at the design point (NVML defaults are not
    // published [A]).
    rampKwPerSecond: 'auto' as const,
  },
  // Cooling-tower water. Evaporating 1 kWh of heat takes 3.6 MJ / 2.43 MJ/kg ~ 1.5 L ([C]
  // eng-tips, [D]); make-up with blowdown 0.05 gpm/ton ~ 2.6 L/kWh ([C], [D]): 2.6 / 1.5 = 1.73 L
  // drawn per L evaporated. Assumption: the share of heat a tower rejects by evaporation rises with
  // the wet-bulb, 0.65 at 0 °C to all of it at 25 °C (cool dry air takes more as sensible heat),
  // linear and clamped: from 25 °C on, 1.5 x 1.73 = the reference's 2.6 L per kWh of heat.
  water: { evaporationLitersPerKwh: 1.5, makeupPerEvaporated: 1.73, latentShareAt0C: 0.65, latentShareAt25C: 1 },
  // Demand response: [A] TVA's IP30 product gives 30 minutes' notice (reference/economics-and-grid.md §3).
  demandResponseNoticeMinutes: 30,
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
