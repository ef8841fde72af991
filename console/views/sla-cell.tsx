import { NEEDS_ACTION, type CaseSummary } from '../../src/domain/schemas/index.js';
import { slaState, type SlaPolicy } from '../../src/rules/sla.js';
import { WAITING_FOR_SENDER } from '../../src/domain/cases/sla-deadline.js';

function span(ms: number): string {
  const hours = Math.abs(ms) / 3600_000;
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} d`;
}

/** Time left to the platform's review target (or to the sender's answer), coloured near and past it. */
export function SlaCell(props: { c: CaseSummary; now: Date; policy: SlaPolicy }) {
  const { c, now } = props;
  if (!c.slaDueAt) return <span class="muted">–</span>;
  const left = new Date(c.slaDueAt).getTime() - now.getTime();
  if (NEEDS_ACTION.includes(c.status)) {
    const state = slaState(c.slaDueAt, now, props.policy.hours);
    return <span class={`sla-${state}`} title={`Review due ${c.slaDueAt.replace('T', ' ').slice(0, 16)} UTC (target ${props.policy.hours} h)`}>{left < 0 ? `${span(left)} past SLA` : `${span(left)} left`}</span>;
  }
  if (WAITING_FOR_SENDER.includes(c.status) && !c.dueAt) {
    return <span class="muted small" title="When the sender's answer is due; then the case comes back to Needs action">{left < 0 ? 'answer overdue' : `answer due in ${span(left)}`}</span>;
  }
  return <span class="muted">–</span>;
}
