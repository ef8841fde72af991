import { isValidSlackRequest, type App, type Receiver } from '@slack/bolt';

/** Slack gives up after 3 s; answering a little earlier leaves room for the network. */
const ACK_DEADLINE_MS = 2500;
/**
 * Slack's payloads are small (a view submission with every block is tens of
 * KB); 1 MB is far above any of them, and nothing larger is read at all.
 */
const MAX_BODY_BYTES = 1024 * 1024;

/** The body as text, or null as soon as it is longer than `max` bytes (declared or streamed). */
async function readBounded(request: Request, max: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface FetchReceiverOptions {
  signingSecret: string;
  log: (line: string) => void;
  /** For tests of stale timestamps; the real clock otherwise. */
  nowMs?: () => number;
}

function answer(response: unknown): Response {
  if (response === undefined || response === null || response === '') return new Response(null, { status: 200 });
  if (typeof response === 'string') return new Response(response, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return Response.json(response, { status: 200 });
}

/** Slack sends JSON (events), a form with a `payload` field (interactions), or a plain form (slash commands). */
function readBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const form = new URLSearchParams(raw);
  const payload = form.get('payload');
  if (payload !== null) return JSON.parse(payload) as Record<string, unknown>;
  return Object.fromEntries(form);
}

/**
 * A Bolt receiver for the web-standard Request/Response pair, so Slack's
 * requests are served by the console's own HTTP server. It checks the
 * signature over the raw body, answers as soon as a listener acknowledges,
 * and lets the listener go on working after the answer.
 */
export class FetchReceiver implements Receiver {
  private app: App | null = null;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: FetchReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  /** Waits for the work that runs after acknowledgements. */
  async stop(): Promise<void> {
    await this.idle();
  }

  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  async handle(request: Request): Promise<Response> {
    if (request.method !== 'POST') return new Response(null, { status: 405 });
    const raw = await readBounded(request, MAX_BODY_BYTES);
    if (raw === null) return new Response(null, { status: 413 });
    const signature = request.headers.get('x-slack-signature') ?? '';
    const timestamp = Number(request.headers.get('x-slack-request-timestamp'));
    const valid =
      signature !== '' &&
      Number.isFinite(timestamp) &&
      isValidSlackRequest({
        signingSecret: this.options.signingSecret,
        body: raw,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
        nowMilliseconds: this.options.nowMs?.() ?? Date.now(),
      });
    if (!valid) return new Response(null, { status: 401 });

    let body: Record<string, unknown>;
    try {
      body = readBody(raw, request.headers.get('content-type') ?? '');
    } catch {
      return new Response(null, { status: 400 });
    }
    if (body.type === 'url_verification') return Response.json({ challenge: body.challenge });
    if (!this.app) return new Response(null, { status: 503 });

    let settle!: (response: Response) => void;
    const answered = new Promise<Response>((resolve) => (settle = resolve));
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (response: Response) => {
      if (done) return false;
      done = true;
      clearTimeout(timer);
      settle(response);
      return true;
    };
    timer = setTimeout(() => {
      if (finish(new Response(null, { status: 200 }))) this.options.log('slack: no acknowledgement in time; answered empty');
    }, ACK_DEADLINE_MS);
    const retry = request.headers.get('x-slack-retry-num');
    const work = this.app
      .processEvent({
        body,
        retryNum: retry === null ? undefined : Number(retry),
        retryReason: request.headers.get('x-slack-retry-reason') ?? undefined,
        ack: async (response?: unknown) => {
          finish(answer(response));
        },
      })
      .catch((error: unknown) => {
        this.options.log(`slack: ${(error as Error).message ?? String(error)}`);
        finish(new Response(null, { status: 500 }));
      })
      .finally(() => {
        this.pending.delete(work);
      });
    this.pending.add(work);
    return answered;
  }
}
