import { REJECT_REASON_LABELS, type RejectReason } from '../../domain/cases/listing-decision.js';
import type { CaseEvent } from '../../domain/schemas/index.js';
import { escapeText, statusLabel } from './case-message.js';

function by(event: CaseEvent): string {
  if (event.actor.type === 'system') return '';
  const name = escapeText(event.actor.name ?? event.actor.id);
  return ` by ${event.actor.type === 'slack' ? `${name} (in Slack)` : name}`;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? escapeText(value.trim()) : null;
}

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** What a later case event says in the thread of the case's message; null for events not worth a line. */
export function eventText(event: CaseEvent): string | null {
  const d = event.data;
  switch (event.type) {
    case 'received':
      return null;
    case 'note':
      return `:memo: Note${by(event)}: ${str(d.text) ?? ''}`;
    case 'reply_queued':
      return `:envelope: Reply queued to ${str(d.to) ?? 'the sender'} (${str(d.template) ?? 'reply'})`;
    case 'reply_sent':
      return `:outbox_tray: Reply sent to ${str(d.to) ?? 'the sender'}${str(d.template) ? ` (${str(d.template)})` : ''}`;
    case 'reply_bounced':
      return `:warning: A reply bounced: ${str(d.reason) ?? 'no reason given'}`;
    case 'counter_notice_received':
      return `:leftwards_arrow_with_hook: Counter-notice received${str(d.counterNoticeCase) ? `: ${str(d.counterNoticeCase)}` : ''}`;
    case 'counter_notice_forwarded':
      return `:incoming_envelope: Counter-notice forwarded${by(event)}`;
    case 'counter_notice_rejected':
      return `:no_entry: The rights owner rejected the counter-notice; the case is disputed`;
    case 'counter_notice_upheld':
      return `:leftwards_arrow_with_hook: Counter-notice upheld`;
    case 'reinstated':
      return d.reason === 'no_answer_in_time'
        ? `:hourglass: Deadline passed without an answer from the rights owner: ${count(d.listings)} listing(s) reinstated`
        : `:leftwards_arrow_with_hook: ${count(d.listings)} listing(s) reinstated${by(event)}`;
    case 'accepted':
    case 'partially_accepted': {
      const decisions = Array.isArray(d.listings) ? (d.listings as Array<{ decision?: string }>) : [];
      const removed = decisions.filter((l) => l.decision === 'removed').length;
      return `:white_check_mark: ${event.type === 'accepted' ? 'Accepted' : 'Partially accepted'}${by(event)}: ${removed} of ${decisions.length} listing(s) taken down`;
    }
    case 'rejected': {
      const reason = typeof d.reason === 'string' ? (REJECT_REASON_LABELS[d.reason as RejectReason] ?? d.reason) : 'no reason';
      return `:x: Rejected${by(event)}: ${escapeText(reason)}${str(d.note) ? ` (${str(d.note)})` : ''}`;
    }
    case 'information_requested':
      return `:question: Information requested${by(event)}${count(d.requested) ? `: ${(d.requested as string[]).map(escapeText).join('; ')}` : ''}`;
    case 'assigned':
      return `:bust_in_silhouette: Assigned to ${str(d.assignee) ?? 'someone'}${by(event)}`;
    case 'unassigned':
      return `:bust_in_silhouette: Released${by(event)}`;
    case 'sender_answered':
      return `:speech_balloon: The sender answered`;
    case 'checked':
      return `:mag: Checked again: ${statusLabel(event.toStatus ?? 'received')}${count(d.findings) ? `, ${count(d.findings)} finding(s)` : ''}`;
    case 'dispute_decided':
      return `:scales: Dispute decided${by(event)}: ${str(d.outcome) ?? ''}`;
    default: {
      const what = event.type.replace(/_/g, ' ');
      const status = event.toStatus ? ` (now ${statusLabel(event.toStatus).toLowerCase()})` : '';
      return `${what.charAt(0).toUpperCase()}${what.slice(1)}${by(event)}${status}`;
    }
  }
}
