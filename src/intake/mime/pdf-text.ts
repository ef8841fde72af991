/** Extracts the text layer of a PDF. A broken or hostile PDF gives a problem, never a crash. */
export async function extractPdfText(data: Buffer): Promise<{ text: string | null; problem: string | null }> {
  // Loaded on first use: pdf.js and its canvas add well over 100 MB to a thread that never reads a PDF.
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return { text: result.text, problem: null };
  } catch (error) {
    return { text: null, problem: `PDF text could not be read: ${(error as Error).message}` };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** The PDF text extractor of the `UntrustedWork` port, under Node. */
export function pdfTextOf(bytes: Uint8Array): Promise<{ text: string | null; problem: string | null }> {
  return extractPdfText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
