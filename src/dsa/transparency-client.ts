import type { TransparencyAnswer, TransparencyApi } from '../domain/dsa/submit-statements.js';
import type { TransparencyStatement } from '../domain/dsa/transparency-statement.js';

/** The HTTP client for the DSA Transparency Database API (bearer token, JSON). */
export function createTransparencyClient(options: { url: string; token: string; timeoutMs?: number }): TransparencyApi {
  const endpoint = `${options.url.replace(/\/+$/, '')}/api/v1/statements`;
  return {
    async postStatements(statements: TransparencyStatement[]): Promise<TransparencyAnswer> {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ statements }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text for the error record
      }
      return { status: response.status, body };
    },
  };
}
