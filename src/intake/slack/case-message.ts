import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import { REJECT_REASON_LABELS, RejectReason } from '../../domain/cases/listing-decision.js';
import { UNDECIDED } from '../../domain/cases/review-support.js';
import type { Case, CaseEvent, CaseStatus, CaseSummary } from '../../domain/schemas/index.js';

export const ACTION = {
  accept: 'case_accept',
  reject: 'case_reject',
  requestInfo: 'case_request_info',
  assignMe: 'case_assign_me',
  open: 'case_open',
} as const;

const STATUS_LABEL: Record<CaseStatus, string> = {
  received: 'Received',
  deficient: 'Waiting for missing information',
  in_review: 'In review',
  accepted: 'Accepted',
  partially_accepted: 'Partially accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  counter_noticed: 'Counter-notice received',
  awaiting_complainant: 'Waiting for the sender',
  disputed: 'Disputed',
  reinstated: 'Listings reinstated',
  closed: 'Closed',
  suspended: 'Kept, not reviewed (sender suspended)',
};

/** Slack's mrkdwn treats these three characters as markup. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function caseUrl(consoleUrl: string, number: string): string {
  return `${consoleUrl.replace(/\/+$/, '')}/cases/${number}`;
}

/** Buttons carry the case and the version the reviewer saw, so a stale message is a conflict, not a silent overwrite. */
export function caseBlockId(c: Case): string {
  return `case|${c.number}|${c.version}`;
}

export function parseCaseBlockId(blockId: string | undefined): { caseNumber: string; version: number } | null {
  const match = /^case\|(ND-\d{4}-\d{6,})\|(\d+)$/.exec(blockId ?? '');
  return match ? { caseNumber: match[1]!, version: Number(match[2]) } : null;
}

function who(event: CaseEvent): string {
  const name = escapeText(event.actor.name ?? event.actor.id);
  return event.actor.type === 'slack' ? `${name} (in Slack)` : name;
}

/** The latest change of status, said with who made it: "Accepted by Rita Reviewer (in Slack)". */
function statusLine(c: Case, events: readonly CaseEvent[]): string {
  const last = [...events].reverse().find((e) => e.toStatus === c.status);
  const label = `*${STATUS_LABEL[c.status]}*`;
  if (!last || last.actor.type === 'system') return label;
  const reason = typeof last.data.reason === 'string' && last.data.reason in REJECT_REASON_LABELS ? `: ${REJECT_REASON_LABELS[last.data.reason as RejectReason]}` : '';
  return `${label}${reason} by ${who(last)}`;
}

function rejectOptions() {
  return RejectReason.options
    .filter((r) => r !== 'other')
    .map((r) => ({ text: { type: 'plain_text' as const, text: REJECT_REASON_LABELS[r].slice(0, 75) }, value: r }));
}

/** The channel message that stands for a case: what a reviewer needs to decide, and the buttons to do it. */
export function caseMessage(c: Case, events: readonly CaseEvent[], consoleUrl: string): { text: string; blocks: KnownBlock[] } {
  const complaint = c.complaint;
  const valid = complaint.listings.filter((l) => l.valid).length;
  const listings = complaint.listings.length === valid ? String(valid) : `${complaint.listings.length} (${valid} valid)`;
  const findings = c.findings.slice(0, 8).map((f) => `• ${escapeText(f.message)}${f.severity === 'warning' ? ' _(warning)_' : ''}`);
  if (c.findings.length > 8) findings.push(`…and ${c.findings.length - 8} more`);
  const url = caseUrl(consoleUrl, c.number);
  const open = { type: 'button' as const, action_id: ACTION.open, text: { type: 'plain_text' as const, text: 'Open' }, url };
  const decidable = UNDECIDED.includes(c.status) && c.kind === 'notice';
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `${c.number} · ${STATUS_LABEL[c.status]}` } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Platform*\n${escapeText(c.platform ?? complaint.platform ?? 'unknown')}` },
        { type: 'mrkdwn', text: `*Rights owner*\n${escapeText(c.rightsOwner ?? complaint.rightsOwner ?? 'unknown')}` },
        { type: 'mrkdwn', text: `*Reason*\n${escapeText((complaint.reason ?? complaint.iprType ?? 'not stated').replace(/_/g, ' '))}` },
        { type: 'mrkdwn', text: `*Listings*\n${listings}` },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: findings.length ? `*Findings*\n${findings.join('\n')}` : '*Findings*\nNone: every required element was found.' } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: [statusLine(c, events), c.assignee ? `assigned to ${escapeText(c.assignee)}` : null, `<${url}|open in the console>`].filter(Boolean).join(' · ') }],
    },
    {
      type: 'actions',
      block_id: caseBlockId(c),
      elements: decidable
        ? [
            {
              type: 'button',
              action_id: ACTION.accept,
              style: 'primary',
              text: { type: 'plain_text', text: 'Accept' },
              value: c.number,
              confirm: {
                title: { type: 'plain_text', text: 'Accept the complaint?' },
                text: { type: 'mrkdwn', text: `Every valid listing of ${c.number} is taken down and the sender is told.` },
                confirm: { type: 'plain_text', text: 'Accept' },
                deny: { type: 'plain_text', text: 'Cancel' },
              },
            },
            { type: 'static_select', action_id: ACTION.reject, placeholder: { type: 'plain_text', text: 'Reject…' }, options: rejectOptions() },
            { type: 'button', action_id: ACTION.requestInfo, text: { type: 'plain_text', text: 'Request info' }, value: c.number },
            { type: 'button', action_id: ACTION.assignMe, text: { type: 'plain_text', text: 'Assign to me' }, value: c.number },
            open,
          ]
        : [open],
    },
  ];
  // The notification text is mrkdwn too: a rights owner named `<!channel>` must not ping anyone.
  const text = `${c.number} (${STATUS_LABEL[c.status]}): ${escapeText(c.rightsOwner ?? 'unknown rights owner')} on ${escapeText(c.platform ?? 'an unknown platform')}, ${complaint.listings.length} listing(s)`;
  return { text, blocks };
}

/** One line per case, for lookups. */
export function caseLine(c: Case | CaseSummary, consoleUrl: string): string {
  const parts = [
    `<${caseUrl(consoleUrl, c.number)}|${c.number}>`,
    STATUS_LABEL[c.status],
    c.platform && escapeText(c.platform),
    c.rightsOwner && escapeText(c.rightsOwner),
    `${'listingCount' in c ? c.listingCount : c.complaint.listings.length} listing(s)`,
    c.findings.length ? `${c.findings.length} finding(s)` : null,
    c.assignee ? `assigned to ${escapeText(c.assignee)}` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

export function statusLabel(status: CaseStatus): string {
  return STATUS_LABEL[status];
}
