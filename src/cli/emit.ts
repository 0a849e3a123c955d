import type { Io } from './io.js';
import type { OutTarget } from './out-target.js';
import { writeFilesAtomic } from './write-files-atomic.js';

/** Print to stdout, or write the file whole (see write-files-atomic.ts). */
export function emit(io: Io, content: string, out: OutTarget): void {
  if (out.kind === 'stdout') io.stdout(content);
  else writeFilesAtomic([{ path: out.path, real: out.real, content }]);
}
