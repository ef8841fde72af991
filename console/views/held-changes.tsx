import type { CaseFile } from '../../src/domain/cases/read-case.js';
import { pendingHeldChanges } from '../../src/domain/complainant/held-changes.js';
import { Csrf, formatTime } from './layout.js';

const WHAT = { withdrawal: 'a withdrawal', added_listings: 'added listings', counter_notice_rejection: 'a rejection of the counter-notice' } as const;

/** Changes asked for by an unauthenticated sender, waiting for the complainant to confirm them. */
export function HeldChanges(props: { file: CaseFile; csrf: string | null }) {
  const held = pendingHeldChanges(props.file.events);
  if (held.length === 0) return null;
  return (
    <div class="alert error held-changes" role="status">
      {held.map((h) => (
        <p>
          <b>Change held: waiting for the complainant's confirmation.</b> {WHAT[h.change]}
          {h.listings.length ? ` (${h.listings.length} listing(s))` : ''}, asked {formatTime(h.at)} by a message from {h.sender ?? 'an unknown sender'}
          {h.reason ? ` (not authenticated: ${h.reason})` : ' (not authenticated)'}.{' '}
          {h.confirmationReply !== null
            ? 'A link to confirm it was queued for the address on the case; nothing changes until the complainant confirms.'
            : held.some((o) => o.change === h.change && o.confirmationReply !== null)
              ? 'The complainant was already asked to confirm a change of this kind; nothing changes until they confirm.'
              : 'No confirmation link could be sent for it; nothing changes until the complainant confirms on the status page or a reviewer acts.'}
        </p>
      ))}
      {held.map((h) => (
        <form method="post" action={`/cases/${props.file.case.number}/dismiss-held-change`} class="bar">
          <Csrf token={props.csrf} />
          <input type="hidden" name="holdId" value={h.holdId} />
          <button type="submit" class="secondary">Set aside {WHAT[h.change]}: the complainant did not ask for it</button>
        </form>
      ))}
    </div>
  );
}
