// Reading one regular file out of a tar archive (what `GET /containers/{id}/archive` returns
// for a single path), without a tar dependency: header at 0, octal size at 124, data at 512.

const BLOCK = 512;

/** Contents of the first regular file in the archive, or undefined when there is none. */
export function firstFileInTar(archive: Buffer): Buffer | undefined {
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return undefined;
    const size = parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = offset + BLOCK;
    if (type === '0' || type === '\0') return archive.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
  }
  return undefined;
}
