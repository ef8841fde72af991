import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  body: string;
  signature: string | undefined;
  event: { id: string; type: string; created_at: string; case: { number: string }; data: Record<string, unknown> };
}

/** What the endpoint answers: a status, or a status with a JSON body. */
export type WebhookAnswer = number | { status: number; json: unknown };

/**
 * A platform's webhook endpoint on 127.0.0.1: records every request, and
 * answers with what `answer` returns for it (200 "ok" unless told).
 */
export async function startWebhookReceiver(answer: (n: number, hook: ReceivedWebhook) => WebhookAnswer = () => 200): Promise<{ url: string; received: ReceivedWebhook[]; close(): Promise<void> }> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const hook: ReceivedWebhook = { body, signature: req.headers['noticedesk-signature'] as string | undefined, event: JSON.parse(body) };
      received.push(hook);
      const reply = answer(received.length, hook);
      if (typeof reply === 'number') {
        res.statusCode = reply;
        res.end('ok');
        return;
      }
      res.statusCode = reply.status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(reply.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
