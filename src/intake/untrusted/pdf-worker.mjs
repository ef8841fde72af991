// The PDF thread of ./threaded-work.ts. Plain JavaScript on purpose: loaded without the TypeScript
// loader, pdf.js costs about 30 MB in a thread; through the loader (which keeps source maps for every
// module it transforms) it costs over 140 MB. Same protocol as worker-main.ts.
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PDFParse } from 'pdf-parse';

// Named like the other threads (src/threads/name-thread.ts), so its CPU and memory can be told apart.
try {
  writeFileSync('/proc/thread-self/comm', String(workerData?.threadName ?? 'nd-pdf').slice(0, 15));
} catch {
  // Not Linux: only the name is lost.
}

/** @param {Uint8Array} bytes */
async function pdfText(bytes) {
  const parser = new PDFParse({ data: bytes });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return { text: result.text, problem: null };
  } catch (error) {
    return { text: null, problem: `PDF text could not be read: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

parentPort?.on('message', (/** @type {{ kind: string, payload: { bytes: Uint8Array } }} */ task) => {
  if (task.kind !== 'pdf') {
    parentPort?.postMessage({ ok: false, error: `the PDF thread does not run ${task.kind}` });
    return;
  }
  pdfText(task.payload.bytes).then(
    (value) => parentPort?.postMessage({ ok: true, value }),
    (error) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
parentPort?.postMessage('ready');
