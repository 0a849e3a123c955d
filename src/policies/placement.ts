/** Pods a run of `racks` spans at least, with racks grouped into pods of `podRacks`. */
export function podsSpanned(racks: number, podRacks: number): number {
  return Math.ceil(racks / podRacks);
}
