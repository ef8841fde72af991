/** Longest answer body the desk reads from a platform's endpoint. */
export const MAX_ANSWER_BYTES = 65_536;

/**
 * Reads at most `maxBytes` of a response body and stops there: a platform
 * that answers with an endless or huge body costs the desk that much memory
 * and no more, and does not hold the request open until its timeout.
 * `complete` is false when the body went on past the limit.
 */
export async function readAnswer(response: Response, maxBytes = MAX_ANSWER_BYTES): Promise<{ text: string; complete: boolean }> {
  if (!response.body) return { text: '', complete: true };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - size;
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, room));
      size = maxBytes;
      complete = false;
      await reader.cancel().catch(() => {});
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(bytes), complete };
}
