/**
 * The type the bytes themselves show (PNG, JPEG, GIF, PDF), whatever the
 * sender declared: only these are shown inline. HTML, SVG and anything else
 * can carry script or fool a viewer, so they stay downloads.
 */
export type PreviewType = 'image/png' | 'image/jpeg' | 'image/gif' | 'application/pdf';

export function sniffPreviewType(bytes: Uint8Array): PreviewType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  // "%PDF-" at the very start: a file with anything before it is not shown inline.
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

export const PREVIEWABLE_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif'];
export const PREVIEWABLE_DOCUMENT_TYPES: readonly string[] = ['application/pdf'];
