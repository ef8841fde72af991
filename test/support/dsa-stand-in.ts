import { createServer, type Server } from 'node:http';
import { z } from 'zod';

/**
 * A local stand-in for the DSA Transparency Database API, written from its
 * public documentation: `POST /api/v1/statements` with a bearer token and
 * `{"statements":[...]}` (at most 100), each checked against the schema
 * below; a puid the platform already sent is refused with 422.
 */
const EEA = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'IS', 'LI', 'NO'] as const;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const StandInStatement = z
  .object({
    decision_visibility: z.array(z.enum(['DECISION_VISIBILITY_CONTENT_REMOVED', 'DECISION_VISIBILITY_CONTENT_DISABLED', 'DECISION_VISIBILITY_CONTENT_DEMOTED', 'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED', 'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED', 'DECISION_VISIBILITY_CONTENT_LABELLED', 'DECISION_VISIBILITY_OTHER'])).min(1),
    end_date_visibility_restriction: day.nullable().optional(),
    decision_ground: z.enum(['DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT']),
    decision_ground_reference_url: z.string().url().max(500).nullable().optional(),
    illegal_content_legal_ground: z.string().max(500).optional(),
    illegal_content_explanation: z.string().max(2000).optional(),
    incompatible_content_ground: z.string().max(500).optional(),
    incompatible_content_explanation: z.string().max(2000).optional(),
    content_type: z.array(z.enum(['CONTENT_TYPE_APP', 'CONTENT_TYPE_AUDIO', 'CONTENT_TYPE_IMAGE', 'CONTENT_TYPE_PRODUCT', 'CONTENT_TYPE_SYNTHETIC_MEDIA', 'CONTENT_TYPE_TEXT', 'CONTENT_TYPE_VIDEO', 'CONTENT_TYPE_OTHER'])).min(1),
    category: z.string().regex(/^STATEMENT_CATEGORY_[A-Z_]+$/),
    category_specification: z.array(z.string().regex(/^KEYWORD_[A-Z_]+$/)).optional(),
    territorial_scope: z.array(z.enum(EEA)).optional(),
    content_date: day,
    application_date: day,
    decision_facts: z.string().min(1).max(5000),
    source_type: z.enum(['SOURCE_ARTICLE_16', 'SOURCE_TRUSTED_FLAGGER', 'SOURCE_TYPE_OTHER_NOTIFICATION', 'SOURCE_VOLUNTARY']),
    source_identity: z.string().max(500).nullable().optional(),
    automated_detection: z.enum(['Yes', 'No']),
    automated_decision: z.enum(['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED']),
    puid: z.string().min(1).max(500),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
      if (!s.illegal_content_legal_ground) ctx.addIssue({ code: 'custom', path: ['illegal_content_legal_ground'], message: 'required for illegal content' });
      if (!s.illegal_content_explanation) ctx.addIssue({ code: 'custom', path: ['illegal_content_explanation'], message: 'required for illegal content' });
    }
  });

export interface DsaStandIn {
  url: string;
  /** How many times each puid was accepted. */
  accepted: Map<string, number>;
  /** Every request: status answered and how many statements it carried. */
  requests: Array<{ status: number; count: number }>;
  /** The next n requests are answered 503 before any check. */
  failNext(n: number): void;
  close(): Promise<void>;
}

export async function startDsaStandIn(token: string): Promise<DsaStandIn> {
  const accepted = new Map<string, number>();
  const requests: DsaStandIn['requests'] = [];
  let failing = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: unknown, count = 0) => {
        requests.push({ status, count });
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/api/v1/statements') return answer(404, { message: 'not found' });
      if (req.headers.authorization !== `Bearer ${token}`) return answer(401, { message: 'Unauthenticated.' });
      if (failing > 0) {
        failing -= 1;
        return answer(503, { message: 'Service Unavailable' });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(400, { message: 'invalid JSON' });
      }
      const batch = z.object({ statements: z.array(StandInStatement).min(1).max(100) }).safeParse(parsed);
      if (!batch.success) {
        const errors = Object.fromEntries(batch.error.issues.map((i) => [i.path.join('.'), [i.message]]));
        return answer(422, { message: 'The given data was invalid.', errors });
      }
      const statements = batch.data.statements;
      const taken = statements.map((s, i) => [i, s.puid] as const).filter(([, puid]) => accepted.has(puid));
      if (taken.length) {
        return answer(422, { message: 'The identifier given is not unique within this platform.', errors: Object.fromEntries(taken.map(([i]) => [`statements.${i}.puid`, ['The identifier given is not unique within this platform.']])) }, statements.length);
      }
      for (const s of statements) accepted.set(s.puid, (accepted.get(s.puid) ?? 0) + 1);
      answer(201, { statements: statements.map((s) => ({ puid: s.puid })) }, statements.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    requests,
    failNext: (n) => {
      failing = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
