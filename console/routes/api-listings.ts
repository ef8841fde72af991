import type { Context } from 'hono';
import { ConfirmListingInput, confirmListing } from '../../src/domain/webhooks/confirm-listing.js';
import { DomainError } from '../../src/domain/errors.js';
import type { User } from '../../src/store/repos/users.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { fieldErrors } from '../http/complaint-input.js';

/**
 * POST /api/v1/listings/confirm: the platform says it removed or restored a
 * listing. Platform and admin tokens only: reviewers decide, the platform
 * carries out. 200 {caseNumber, url, action, alreadyConfirmed}; 404 unknown case;
 * 409 when the desk did not ask for that action; 422 with field errors.
 */
export async function confirmListingByApi(c: Context<ConsoleEnv & { Variables: { apiUser: User } }>, deps: ConsoleDeps) {
  const user = c.get('apiUser');
  if (user.role !== 'platform' && user.role !== 'admin') throw new DomainError('forbidden', 'Only platform and admin tokens can confirm listings.');
  const parsed = ConfirmListingInput.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) throw new DomainError('invalid_input', 'Some fields are not valid.', { fields: fieldErrors(parsed.error) });
  const result = await confirmListing(deps.ctx(actorOf(user), c.get('requestId')), parsed.data);
  return c.json(result, 200);
}
