import { markupProblem, zipProblem } from './archive-check.js';

/** Evidence types the form takes (domain.md), each with the bytes its content must start with. */
const SIGNATURES: Record<string, Array<number[]> | 'text'> = {
  pdf: [[0x25, 0x50, 0x44, 0x46]],
  png: [[0x89, 0x50, 0x4e, 0x47]],
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [[0x47, 0x49, 0x46, 0x38]],
  zip: [[0x50, 0x4b, 0x03, 0x04]],
  docx: [[0x50, 0x4b, 0x03, 0x04]],
  xlsx: [[0x50, 0x4b, 0x03, 0x04]],
  doc: [[0xd0, 0xcf, 0x11, 0xe0]],
  xls: [[0xd0, 0xcf, 0x11, 0xe0]],
  msg: [[0xd0, 0xcf, 0x11, 0xe0]],
  rar: [[0x52, 0x61, 0x72, 0x21]],
  txt: 'text',
  csv: 'text',
};
export const EVIDENCE_EXTENSIONS = Object.keys(SIGNATURES).filter((e) => e !== 'csv');
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', txt: 'text/plain', csv: 'text/csv' };

export interface CheckedUpload {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
    return true;
  } catch {
    return false;
  }
}

/** Why a file was refused, in terms each page words in its own language. */
export type UploadProblem = { file: string } & (
  | { code: 'type'; allowed: readonly string[] }
  | { code: 'size'; megabytes: string }
  | { code: 'empty' }
  | { code: 'content'; extension: string }
  | { code: 'refused'; reason: 'markup' | 'archive'; detail: string }
);

/** Checks size, extension and the file's first bytes; returns the file, or what is wrong with it. */
export async function inspectUpload(file: File, allowed: readonly string[] = EVIDENCE_EXTENSIONS): Promise<CheckedUpload | UploadProblem> {
  // Path separators and control characters (NUL, CR, LF) never reach a file name we store or show.
  const name = file.name.replace(/[\\/\x00-\x1f\x7f]/g, '_').slice(-200) || 'file';
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!allowed.includes(ext)) return { file: name, code: 'type', allowed };
  if (file.size > MAX_UPLOAD_BYTES) return { file: name, code: 'size', megabytes: (file.size / 1048576).toFixed(1) };
  if (file.size === 0) return { file: name, code: 'empty' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const expected = SIGNATURES[ext];
  const ok = expected === 'text' ? looksLikeText(bytes) : !!expected?.some((sig) => sig.every((b, i) => bytes[i] === b));
  if (!ok) return { file: name, code: 'content', extension: ext };
  const disguised = expected === 'text' ? null : markupProblem(bytes);
  if (disguised) return { file: name, code: 'refused', reason: 'markup', detail: disguised };
  if (['zip', 'docx', 'xlsx'].includes(ext)) {
    const bomb = zipProblem(bytes);
    if (bomb) return { file: name, code: 'refused', reason: 'archive', detail: bomb };
  }
  return { filename: name, contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream', bytes };
}

export function isUploadProblem(checked: CheckedUpload | UploadProblem): checked is UploadProblem {
  return 'code' in checked;
}

/** The same check, with the problem in English: the API's answer. */
export async function checkUpload(file: File, allowed: readonly string[] = EVIDENCE_EXTENSIONS): Promise<CheckedUpload | string> {
  const checked = await inspectUpload(file, allowed);
  if (!isUploadProblem(checked)) return checked;
  const name = checked.file;
  switch (checked.code) {
    case 'type': return `${name}: only ${checked.allowed.join(', ')} files are accepted.`;
    case 'size': return `${name} is ${checked.megabytes} MB; the limit is 5 MB per file.`;
    case 'empty': return `${name} is empty.`;
    case 'content': return `${name} does not contain what a .${checked.extension} file should; it may be renamed or damaged.`;
    case 'refused': return `${name} was refused: ${checked.detail}.`;
  }
}
