/**
 * Cloud offers, in USD per GPU-hour (2025–26), each with its source tag from
 * reference/hardware.md: [A] official, [B] press, [C] aggregator (use as a range), [D] derived with
 * the arithmetic shown. No public list price exists for GB300; Blackwell offers stand in for it,
 * as the reference advises ("use the GB200/B200 range").
 */
export interface CloudOffer {
  id: string;
  description: string;
  priceUsdPerGpuHour: number;
  /** Spot only: interruptions per GPU-hour held. */
  preemptionsPerGpuHour?: number;
  /** Spot only: warning before a preemption. */
  noticeMinutes?: number;
}

// AWS Spot Advisor's interruption band of 10–20% per month is per instance (8 GPUs); the middle,
// 15%, as a Poisson rate: -ln(1 - 0.15) / 730 h / 8 GPUs = 2.78e-5 per GPU-hour [D].
const spotPreemptionsPerGpuHour = -Math.log(1 - 0.15) / 730 / 8;

export const cloudOffers: Readonly<Record<string, CloudOffer>> = {
  'hyperscaler-b200-on-demand': {
    id: 'hyperscaler-b200-on-demand',
    description: 'hyperscaler on-demand, Blackwell (AWS p6 B200)',
    priceUsdPerGpuHour: 14.24, // [C] AWS p6 B200 on-demand
  },
  'hyperscaler-b200-reserved': {
    id: 'hyperscaler-b200-reserved',
    description: 'hyperscaler reserved 1–3 years, Blackwell',
    // [D] 14.24 x (1 - 0.45): reserved 1–3 years is 30–60% below on-demand [C]; the middle, 45%
    priceUsdPerGpuHour: 7.83,
  },
  'hyperscaler-b200-spot': {
    id: 'hyperscaler-b200-spot',
    description: 'hyperscaler spot, Blackwell',
    // [D] 14.24 x 2.46 / 6.88: AWS p5 spot ~$2.46 against $6.88 on-demand [C], the same discount
    priceUsdPerGpuHour: 5.09,
    preemptionsPerGpuHour: spotPreemptionsPerGpuHour,
    noticeMinutes: 2, // [A] AWS: two minutes' notice
  },
  'specialist-b200-on-demand': {
    id: 'specialist-b200-on-demand',
    description: 'specialist GPU cloud on-demand, B200',
    priceUsdPerGpuHour: 5.25, // [C] specialist clouds B200 $4.50–6.00 on-demand; the middle
  },
  'specialist-b200-reserved': {
    id: 'specialist-b200-reserved',
    description: 'specialist GPU cloud reserved, B200',
    priceUsdPerGpuHour: 2.65, // [C] specialist clouds B200 reserved from $2.65
  },
  'b300-reserved-5y': {
    id: 'b300-reserved-5y',
    description: 'B300 five-year reservation',
    priceUsdPerGpuHour: 3.16, // [C] B300 5-year reservation $3.06–3.25; the middle
  },
  'hyperscaler-h100-on-demand': {
    id: 'hyperscaler-h100-on-demand',
    description: 'Azure / GCP H100 on-demand',
    priceUsdPerGpuHour: 11.06, // [C]
  },
  'aws-h100-on-demand': {
    id: 'aws-h100-on-demand',
    description: 'AWS p5 H100 on-demand, after the June 2025 cut',
    priceUsdPerGpuHour: 6.88, // [C] ($12.29 before the cut)
  },
  'aws-h100-spot': {
    id: 'aws-h100-spot',
    description: 'AWS p5 H100 spot',
    priceUsdPerGpuHour: 2.46, // [C]
    preemptionsPerGpuHour: spotPreemptionsPerGpuHour,
    noticeMinutes: 2, // [A] AWS
  },
  'coreweave-h100': {
    id: 'coreweave-h100',
    description: 'CoreWeave H100',
    priceUsdPerGpuHour: 6.16, // [C]
  },
};
