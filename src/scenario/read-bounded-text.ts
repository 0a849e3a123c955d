import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileErrorReason } from './file-error-reason.js';

export type ReadRefusal = 'unreadable' | 'too-large' | 'not-utf8';

/** Why a file could not be read, in words a person can act on. */
export class ReadRefused extends Error {
  constructor(
    readonly refusal: ReadRefusal,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ReadRefused';
  }
}

// Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever (and a
// process waiting in open() cannot even exit on Ctrl-C). No controlling terminal from a tty path.
const openFlags = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/**
 * Read a UTF-8 text file of at most `maxBytes`. Only a regular file (or a link to one) is read: a
 * FIFO, a device, a socket or a directory is refused before a byte is read, so a wrong path to
 * /dev/zero, /dev/stdin or a named pipe can neither fill memory nor hang. It reads one byte more
 * than the limit to tell "too large" and never more. Throws ReadRefused.
 */
export async function readBoundedText(path: string, maxBytes: number): Promise<string> {
  let bytes: Buffer;
  try {
    const handle = await open(path, openFlags);
    try {
      const kind = notRegular(await handle.stat());
      if (kind) throw new ReadRefused('unreadable', `it is ${kind}, not a regular file`);
      bytes = Buffer.alloc(maxBytes + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(bytes, length, bytes.length - length, null);
        if (bytesRead === 0 || (length += bytesRead) === bytes.length) break;
      }
      bytes = bytes.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    if (cause instanceof ReadRefused) throw cause;
    throw new ReadRefused('unreadable', openFailure(cause));
  }
  return decodeBounded(bytes, maxBytes);
}

/**
 * Read a stream (standard input) as UTF-8 text of at most `maxBytes`: it stops once the limit is
 * passed, so `yes | capsim run -` is refused rather than filling memory. Throws ReadRefused.
 */
export async function readBoundedStream(stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      chunks.push(bytes);
      if ((length += bytes.length) > maxBytes) break;
    }
  } catch (cause) {
    throw new ReadRefused('unreadable', (cause as Error).message);
  }
  return decodeBounded(Buffer.concat(chunks), maxBytes);
}

function decodeBounded(bytes: Buffer, maxBytes: number): string {
  if (bytes.length > maxBytes) throw new ReadRefused('too-large', `larger than ${maxBytes} bytes`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReadRefused('not-utf8', 'not UTF-8 text');
  }
}

/** What a file that is not a regular file is, in words; null for a regular file. */
export function notRegular(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function openFailure(cause: unknown): string {
  return fileErrorReason(cause, 'no such file') ?? (cause as Error).message;
}
