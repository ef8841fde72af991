import type { MerchantNotice } from '../../src/store/repos/merchant-notices.js';
import { formatTime } from './layout.js';

/** Where the merchant's copy of one statement of reasons stands, in words that claim only what happened. */
function stateOf(n: MerchantNotice | undefined): string {
  if (!n) return 'Not mailed: the merchant is not known yet (the platform names them in its answer to the removal, or the merchant lookup does).';
  switch (n.status) {
    case 'queued':
      if (n.mailStatus === 'sent') return `Mailed to the merchant (${n.merchantEmail}) on ${formatTime(n.mailSentAt ?? '')}.`;
      if (n.mailStatus === 'failed' || n.mailStatus === 'suppressed') return `Not mailed: the mail to ${n.merchantEmail} ${n.mailStatus === 'failed' ? 'failed' : 'was held back by the rate limit'}.`;
      return `Queued for the merchant (${n.merchantEmail}); not sent yet.`;
    case 'lookup_failed':
      return `Not mailed: the merchant lookup failed (${n.attempts} attempt${n.attempts === 1 ? '' : 's'}, last error: ${n.lastError ?? 'unknown'}); tried again at ${formatTime(n.nextAttemptAt ?? '')}.`;
    case 'no_merchant':
      return 'Not mailed: the merchant lookup knows no merchant for this listing.';
    case 'unusable_address':
      return 'Not mailed: the merchant address given is not a single mailbox the desk writes to.';
  }
}

/** The statements of reasons of a case's removed listings, and whether each reached its merchant. */
export function MerchantNotices(props: { statements: { puid: string; url: string }[]; notices: MerchantNotice[] }) {
  if (props.statements.length === 0) return null;
  const byPuid = new Map(props.notices.map((n) => [n.puid, n]));
  return (
    <div class="panel">
      <h2>Statements of reasons to merchants</h2>
      <ul>
        {props.statements.map((s) => (
          <li>
            <span class="small">{s.url}</span>
            <div class="small muted">{stateOf(byPuid.get(s.puid))}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
