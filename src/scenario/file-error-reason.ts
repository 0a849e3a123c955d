/** File-system errors in words a person can act on, for reading and writing alike. */
const reasons: Readonly<Record<string, string>> = {
  EISDIR: 'it is a directory, not a regular file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of its path is not a directory',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links (a loop?)',
  ENXIO: 'no such device or address (a socket?)',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EFBIG: 'the file is larger than the file system allows',
  EIO: 'an input/output error on the device',
};

/** The reason for a failed file operation, `missing` for ENOENT; undefined for an error not in the list. */
export function fileErrorReason(cause: unknown, missing: string): string | undefined {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return missing;
  return code === undefined ? undefined : reasons[code];
}
