/**
 * Stands in for `pdf-parse` in the Worker bundle (wrangler.toml `[alias]`):
 * pdf.js needs DOM classes workerd lacks and fails as soon as it loads. The
 * PDF is still kept; its text is recorded as not read.
 */
export class PDFParse {
  constructor(_options: unknown) {}

  async getText(_options?: unknown): Promise<{ text: string }> {
    throw new Error('PDF text is not read by the Workers deployment; the file is kept');
  }

  async destroy(): Promise<void> {}
}
