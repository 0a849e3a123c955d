import { open } from 'node:fs/promises';

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

/**
 * Read a UTF-8 text file of at most `maxBytes`. It reads one byte more than the limit to tell
 * "too large" and never more, so a wrong path to a huge file or to a device such as /dev/zero
 * (whose size `stat` reports as 0) cannot fill memory. Throws ReadRefused.
 */
export async function readBoundedText(path: string, maxBytes: number): Promise<string> {
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      if ((await handle.stat()).isDirectory()) throw new ReadRefused('unreadable', 'it is a directory, not a file');
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
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (cause as Error).message;
    throw new ReadRefused('unreadable', reason);
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
