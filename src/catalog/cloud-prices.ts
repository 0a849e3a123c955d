/**
 * Cloud offers, in USD per GPU-hour (2025–26), each with its source tag from
 * reference/hardware.md and reference/economics-and-grid.md: [A] official, [A*] a vendor's price
 * page as transcribed (read date shown), [B] press, [C] aggregator (use as a range), [D] derived
 * with the arithmetic shown. Every offer names the catalog rack its GPUs are: a run on it computes
 * at that GPU's speed. No public list price exists for GB300 NVL72 capacity (CoreWeave and Nebius:
 * "contact sales"); GB200 NVL72 and HGX B300 offers are the nearest priced hardware.
 */
export interface CloudOffer {
  id: string;
  description: string;
  /** A catalog rack id (catalog/racks.ts): the hardware the price buys. */
  rack: string;
  priceUsdPerGpuHour: number;
  /** Price changes announced by the provider: from each date on, the new price. */
  priceSchedule?: ReadonlyArray<{ from: string; priceUsdPerGpuHour: number }>;
  /** Spot only: interruptions per GPU-hour held. */
  preemptionsPerGpuHour?: number;
  /** Spot only: warning before a preemption. */
  noticeMinutes?: number;
  /** Where the price comes from, with its tag: what a report states beside it. */
  source: string;
}

// AWS Spot Advisor's interruption band of 10–20% per month is per instance (8 GPUs); the middle,
// 15%, as a Poisson rate: -ln(1 - 0.15) / 730 h / 8 GPUs = 2.78e-5 per GPU-hour [D].
const spotPreemptionsPerGpuHour = -Math.log(1 - 0.15) / 730 / 8;

export const cloudOffers: Readonly<Record<string, CloudOffer>> = {
  'hyperscaler-b200-on-demand': {
    id: 'hyperscaler-b200-on-demand',
    description: 'hyperscaler on-demand, Blackwell (AWS p6 B200)',
    rack: 'hgx-b200',
    priceUsdPerGpuHour: 14.24,
    source: '[C] AWS p6 B200 on-demand, $113.93 per 8-GPU hour in GitHub doc tables; gpueconomics.com',
  },
  'hyperscaler-b200-reserved': {
    id: 'hyperscaler-b200-reserved',
    description: 'hyperscaler reserved 1–3 years, Blackwell',
    rack: 'hgx-b200',
    // [D] 14.24 x (1 - 0.45): reserved 1–3 years is 30–60% below on-demand [C]; the middle, 45%
    priceUsdPerGpuHour: 7.83,
    source: '[D] 14.24 x (1 - 0.45): reserved 1–3 years is 30–60% below on-demand [C]; the middle, 45%',
  },
  'hyperscaler-b200-spot': {
    id: 'hyperscaler-b200-spot',
    description: 'hyperscaler spot, Blackwell',
    rack: 'hgx-b200',
    // [D] 14.24 x 2.46 / 6.88: AWS p5 spot ~$2.46 against $6.88 on-demand [C], the same discount
    priceUsdPerGpuHour: 5.09,
    source: '[D] 14.24 x 2.46 / 6.88: AWS p5 spot ~$2.46 against $6.88 on-demand [C], the same discount',
    preemptionsPerGpuHour: spotPreemptionsPerGpuHour,
    noticeMinutes: 2, // [A] AWS: two minutes' notice
  },
  'specialist-b200-on-demand': {
    id: 'specialist-b200-on-demand',
    description: 'specialist GPU cloud on-demand, B200',
    rack: 'hgx-b200',
    priceUsdPerGpuHour: 5.25,
    source: '[C] specialist clouds B200 $4.50–6.00 on-demand; the middle',
  },
  'specialist-b200-reserved': {
    id: 'specialist-b200-reserved',
    description: 'specialist GPU cloud reserved, B200',
    rack: 'hgx-b200',
    priceUsdPerGpuHour: 2.65,
    source: '[C] specialist clouds B200 reserved from $2.65',
  },
  'b300-reserved-5y': {
    id: 'b300-reserved-5y',
    description: 'B300 five-year reservation',
    rack: 'hgx-b300',
    priceUsdPerGpuHour: 3.16,
    source: '[C] B300 5-year reservation $3.06–3.25; the middle',
  },
  'hyperscaler-h100-on-demand': {
    id: 'hyperscaler-h100-on-demand',
    description: 'Azure / GCP H100 on-demand',
    rack: 'hgx-h100',
    priceUsdPerGpuHour: 11.06,
    source: '[C] Azure ND H100 v5 $12.29 and GCP a3 $10.98 in the price APIs as copied in GitHub data files (Sep–Nov 2026); ~$11.06',
  },
  'aws-h100-on-demand': {
    id: 'aws-h100-on-demand',
    description: 'AWS p5 H100 on-demand, after the June 2025 cut',
    rack: 'hgx-h100',
    priceUsdPerGpuHour: 6.88,
    source: '[C] AWS price list as copied in GitHub data files, after the June 2025 cut ($12.29 before)',
  },
  'aws-h100-spot': {
    id: 'aws-h100-spot',
    description: 'AWS p5 H100 spot',
    rack: 'hgx-h100',
    priceUsdPerGpuHour: 2.46,
    source: '[C] AWS p5 spot ~$2.46 (reference/hardware.md, cloud prices)',
    preemptionsPerGpuHour: spotPreemptionsPerGpuHour,
    noticeMinutes: 2, // [A] AWS
  },
  'coreweave-h100': {
    id: 'coreweave-h100',
    description: 'CoreWeave H100',
    rack: 'hgx-h100',
    priceUsdPerGpuHour: 6.16,
    source: '[A*] coreweave.com/pricing (Sep 2026)',
  },
  'coreweave-gb200-nvl72': {
    id: 'coreweave-gb200-nvl72',
    description: 'CoreWeave GB200 NVL72, on demand, sold in whole racks',
    rack: 'gb200-nvl72',
    priceUsdPerGpuHour: 10.5,
    source: '[A*] coreweave.com/pricing (Sep 2026): $42 per 4-GPU node-hour / 4',
  },
  'coreweave-b200': {
    id: 'coreweave-b200',
    description: 'CoreWeave HGX B200, on demand',
    rack: 'hgx-b200',
    priceUsdPerGpuHour: 8.6,
    source: '[A*] coreweave.com/pricing (Sep 2026)',
  },
  'nebius-b300': {
    id: 'nebius-b300',
    description: 'Nebius HGX B300, on demand (price rise of 1 Oct 2026)',
    rack: 'hgx-b300',
    priceUsdPerGpuHour: 7.85,
    source: '[A*] nebius.com/prices (Oct 2026)',
    priceSchedule: [{ from: '2026-10-01', priceUsdPerGpuHour: 9.5 }], // [A*] same page: 9.50 from 1 Oct 2026
  },
  'aws-b300-on-demand': {
    id: 'aws-b300-on-demand',
    description: 'AWS p6-b300, on demand',
    rack: 'hgx-b300',
    priceUsdPerGpuHour: 17.8,
    source: '[C] $142.42 per 8-GPU hour in GitHub doc tables; gpueconomics.com',
  },
  'hyperstack-b300': {
    id: 'hyperstack-b300',
    description: 'Hyperstack HGX B300, on demand',
    rack: 'hgx-b300',
    priceUsdPerGpuHour: 7.4,
    source: '[A*] hyperstack.cloud (Aug 2026)',
  },
  'aws-h100-capacity-block': {
    id: 'aws-h100-capacity-block',
    description: 'AWS EC2 Capacity Block, p5 H100 (booked ahead, paid up front)',
    rack: 'hgx-h100',
    priceUsdPerGpuHour: 4.92,
    source: '[A] aws.amazon.com/ec2/capacityblocks/pricing (late 2024)',
  },
};

/** The offer a catalog id names (hasOwn: an id named toString is no offer). */
export function offerOf(id: string | undefined): CloudOffer | undefined {
  return id !== undefined && Object.hasOwn(cloudOffers, id) ? cloudOffers[id] : undefined;
}
