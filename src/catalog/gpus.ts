/**
 * GPU catalog. Dense (no 2:4 sparsity) peak throughput per precision in TFLOP/s.
 * Sources are tagged as in reference/hardware.md: [A] vendor or official document, [B] reputable
 * press or filing, [C] secondary aggregator, [D] derived by the arithmetic in the comment.
 */
export type Precision = 'fp4' | 'fp8' | 'bf16';
export const precisions: readonly Precision[] = ['fp4', 'fp8', 'bf16'];

export interface GpuType {
  id: string;
  name: string;
  tdpW: number;
  idleW: number;
  hbmGb: number;
  /** Dense peak per precision; a precision the GPU lacks is absent. */
  denseTflops: Partial<Record<Precision, number>>;
}

export const gpuCatalog: Readonly<Record<string, GpuType>> = {
  h100: {
    id: 'h100',
    name: 'NVIDIA H100 SXM',
    tdpW: 700, // [B] glennklockwood.com H100 page
    // 70 W: [D] no idle figure in the reference set; assumed 10% of TDP, the share the B200's
    // 200 W floor is of its 1,200 W maximum rounded down ([A] NVIDIA DPS device spec)
    idleW: 70,
    hbmGb: 80, // [B] glennklockwood.com H100 page
    denseTflops: { bf16: 989, fp8: 1979 }, // [B] glennklockwood.com H100 page
  },
  h200: {
    id: 'h200',
    name: 'NVIDIA H200 SXM',
    tdpW: 700, // [C] vendor spec tables
    idleW: 70, // [D] as H100: 10% of TDP assumed
    hbmGb: 141, // [C] vendor spec tables
    denseTflops: { bf16: 989, fp8: 1979 }, // [C] vendor spec tables (same die as H100)
  },
  'b200-hgx': {
    id: 'b200-hgx',
    name: 'NVIDIA B200 (HGX, 1,000 W)',
    tdpW: 1000, // [B] Klockwood B200; NVIDIA HGX docs
    idleW: 200, // [A] NVIDIA DPS device spec: minimum power 200 W
    hbmGb: 186, // [B] 180–192 GB reported; the catalog takes the middle
    denseTflops: { bf16: 2250, fp8: 4500, fp4: 9000 }, // [B] Klockwood B200; NVIDIA HGX docs
  },
  'b200-gb200': {
    id: 'b200-gb200',
    name: 'NVIDIA B200 in GB200',
    tdpW: 1200, // [A] NVIDIA DPS device spec (max 1,200 W)
    idleW: 200, // [A] NVIDIA DPS device spec (min 200 W)
    hbmGb: 189, // [A] 186–192 GB; the catalog takes the middle
    denseTflops: { bf16: 2500, fp8: 5000, fp4: 10000 }, // [A] NVIDIA DPS device spec
  },
  'b300-hgx': {
    id: 'b300-hgx',
    name: 'NVIDIA B300 (HGX)',
    // 1,025 W: [D] DGX B300 draws 14.5 kW against DGX B200's 14.3 kW [B] (reference/hardware.md):
    // 1,000 W + 0.2 kW / 8 GPUs, assuming the host is unchanged
    tdpW: 1025,
    idleW: 200, // [A] as B200: NVIDIA DPS device spec minimum 200 W (same board power floor)
    hbmGb: 288, // [B] glennklockwood.com B300 page
    // [B] glennklockwood.com B300 page: the HGX variant has B200's FP8 and BF16 (4,500 / 2,250
    // dense) and 13,125 dense FP4
    denseTflops: { bf16: 2250, fp8: 4500, fp4: 13125 },
  },
  'b300-gb300': {
    id: 'b300-gb300',
    name: 'NVIDIA B300 in GB300',
    tdpW: 1400, // [B] Hot Chips 2025 reports
    idleW: 200, // [A] as B200 in GB200: NVIDIA DPS device spec minimum 200 W (same board power floor)
    hbmGb: 288, // [B] Hot Chips 2025 reports
    // [A] NVIDIA GB300 NVL72 rack: FP4 1,080 PF dense / 72 = 15,000; FP8 360 PF / 72 = 5,000;
    // BF16 half of FP8 = 2,500 [B] Hot Chips 2025 reports
    denseTflops: { bf16: 2500, fp8: 5000, fp4: 15000 },
  },
};
