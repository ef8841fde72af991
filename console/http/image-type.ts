/**
 * The image type the bytes themselves show (PNG, JPEG, GIF), whatever the
 * sender declared: only these are shown inline. SVG and anything else can
 * carry script or fool a viewer, so they stay downloads.
 */
export function sniffImageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/gif' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  return null;
}

export const PREVIEWABLE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif'];
