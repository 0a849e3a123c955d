import { gpuCatalog, type GpuType } from './gpus.js';

/**
 * Rack catalog. A "rack" is capsim's unit of allocation: one NVLink domain. For NVL72 that is the
 * whole 72-GPU rack; for an 8-GPU HGX/DGX system it is one server.
 */
export interface RackType {
  id: string;
  name: string;
  gpu: GpuType;
  gpusPerRack: number;
  /** Maximum IT power of the rack, CPUs, switches and fans included. */
  maxItKw: number;
  idleItKw: number;
  /** Share of the rack's heat taken by the liquid loop (the rest goes to air). */
  liquidShare: number;
}

function gpu(id: string): GpuType {
  const found = gpuCatalog[id];
  if (!found) throw new Error(`unknown gpu in catalog: ${id}`);
  return found;
}

export const rackCatalog: Readonly<Record<string, RackType>> = {
  'gb300-nvl72': {
    id: 'gb300-nvl72',
    name: 'NVIDIA GB300 NVL72',
    gpu: gpu('b300-gb300'),
    gpusPerRack: 72, // [A] NVIDIA: 72 B300 + 36 Grace, one NVLink domain
    // 136 kW: [A] Microsoft Azure GB300 post, up to ~136 kW IT per rack; range 120–142 ([C]
    // Supermicro 132–140 kW)
    maxItKw: 136,
    idleItKw: 18, // [B] 18 compute trays x ~1.0 kW idle (GB200 tray value)
    liquidShare: 0.94, // [B] Morgan Stanley tray model: 6.2 of 6.6 kW per tray to liquid
  },
  'gb200-nvl72': {
    id: 'gb200-nvl72',
    name: 'NVIDIA GB200 NVL72',
    gpu: gpu('b200-gb200'),
    gpusPerRack: 72, // [A] NVIDIA: 72 B200 + 36 Grace
    maxItKw: 120, // [A] NVIDIA DPS spec: 18 trays x 6,667 W + switches; [B] STH (132 kW of shelves)
    idleItKw: 18, // [B] 18 trays x ~1.0 kW idle
    // 0.9: [B] "mostly liquid"; the GB300 tray model gives 0.94 and GB200 trays carry more
    // air-cooled parts, so the catalog takes a round share below it
    liquidShare: 0.9,
  },
  'hgx-b200': {
    id: 'hgx-b200',
    name: 'NVIDIA DGX/HGX B200 (8 GPU)',
    gpu: gpu('b200-hgx'),
    gpusPerRack: 8, // [B] NVIDIA DGX docs
    maxItKw: 14.3, // [B] NVIDIA DGX B200 docs
    // 3.6 kW: [D] 8 x 200 W GPU floor + ~2 kW host, fans and NICs at idle (assumed, 25% of max)
    idleItKw: 3.6,
    liquidShare: 0, // [B] air-cooled system
  },
  'hgx-b300': {
    id: 'hgx-b300',
    name: 'NVIDIA DGX/HGX B300 (8 GPU)',
    gpu: gpu('b300-hgx'),
    gpusPerRack: 8, // [B] reference/hardware.md, DGX B300
    maxItKw: 14.5, // [B] reference/hardware.md, DGX B300
    idleItKw: 3.6, // [D] assumed 25% of max, as for HGX B200
    liquidShare: 0, // [B] "air or liquid": the air-cooled system
  },
  'hgx-h100': {
    id: 'hgx-h100',
    name: 'NVIDIA DGX/HGX H100 (8 GPU)',
    gpu: gpu('h100'),
    gpusPerRack: 8, // [C] DGX H100
    maxItKw: 10.2, // [C] DGX H100 system power
    idleItKw: 2.6, // [D] assumed 25% of max, as for HGX B200
    liquidShare: 0, // [C] air-cooled system
  },
  'hgx-h200': {
    id: 'hgx-h200',
    name: 'NVIDIA DGX/HGX H200 (8 GPU)',
    gpu: gpu('h200'),
    gpusPerRack: 8, // [C] DGX H200
    maxItKw: 10.2, // [C] same 700 W GPUs and chassis as DGX H100
    idleItKw: 2.6, // [D] assumed 25% of max, as for HGX B200
    liquidShare: 0, // [C] air-cooled system
  },
};

export const rackIds = Object.keys(rackCatalog);
