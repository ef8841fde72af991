/** Limits for a .zip (or .docx/.xlsx) upload, read from its central directory without unpacking it. */
const MAX_ENTRIES = 2_000;
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_RATIO = 100;

/**
 * Why an archive is refused, or null when it is within limits: too many
 * entries, too large unpacked, a compression ratio only a bomb has, or a
 * directory that cannot be read (Zip64, damaged) and so cannot be checked.
 */
export function zipProblem(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) return 'its zip directory cannot be read';
  const entries = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (entries === 0xffff || offset === 0xffffffff || size === 0xffffffff) return 'it is a Zip64 archive, which cannot be checked';
  if (entries > MAX_ENTRIES) return `it holds ${entries} files; at most ${MAX_ENTRIES} are accepted`;
  if (offset + size > bytes.length) return 'its zip directory is damaged';
  let at = offset;
  let unpacked = 0;
  let packed = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return 'its zip directory is damaged';
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return 'it is a Zip64 archive, which cannot be checked';
    packed += compressed;
    unpacked += uncompressed;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (unpacked > MAX_UNPACKED_BYTES) return `it unpacks to ${Math.round(unpacked / 1048576)} MB; the limit is ${MAX_UNPACKED_BYTES / 1048576} MB`;
  if (unpacked > 1024 * 1024 && unpacked > MAX_RATIO * Math.max(packed, 1)) return `it unpacks ${Math.round(unpacked / Math.max(packed, 1))} times larger than it is, as only a zip bomb does`;
  return null;
}

/** Markup a browser would render: a file that also reads as a web page is refused, whatever it starts with. */
const MARKUP = /<\s*(html|head|body|script|iframe|svg|object|embed|meta|!doctype)\b/i;

export function markupProblem(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return MARKUP.test(head) ? 'it also contains web page markup' : null;
}
