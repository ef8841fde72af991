import type { Transaction } from 'kysely';
import type { Ctx } from '../context.js';
import { SYSTEM, type Case } from '../schemas/index.js';
import { appendCaseEvent } from '../../store/repos/cases.js';
import { activeSuspension, complainantKeyOfCase, insertMeasure, latestMeasure, misuseFigures, type ComplainantMeasure } from '../../store/repos/complainant-measures.js';
import type { Database } from '../../store/tables.js';
import { queueReply, type ReplyThread } from '../cases/queue-reply.js';
import { threadOf } from '../cases/review-support.js';
import { changeCase } from '../cases/change-case.js';

/** When a complainant is warned, then suspended, for sending manifestly unfounded notices (DSA Art. 23). */
export interface MisuseSettings {
  /** The figures count decisions of the last this many days. */
  windowDays: number;
  /** Fewer decided notices than this in the window never lead to a measure. */
  minNotices: number;
  /** Share (0..1) of decided notices rejected as manifestly unfounded at which the complainant is warned. */
  warnShare: number;
  /** Share at which a complainant warned before is suspended. */
  suspendShare: number;
  suspendDays: number;
}

const DAY = 86_400_000;

/**
 * After a notice was rejected as manifestly unfounded: when the complainant's
 * share of such notices in the window reaches the warning share (and they sent
 * enough), they are warned, once per window; when it reaches the suspension
 * share and they were warned before this decision, their notices are
 * suspended for the configured days. Both are case events and mails.
 */
export async function assessMisuse(trx: Transaction<Database>, ctx: Ctx, c: Case): Promise<'none' | 'warned' | 'suspended'> {
  const settings = ctx.misuse;
  if (!settings) return 'none';
  const key = await complainantKeyOfCase(trx, c.id);
  if (!key) return 'none';
  const now = ctx.now();
  const at = now.toISOString();
  const since = new Date(now.getTime() - settings.windowDays * DAY).toISOString();
  const { notices, unfounded } = await misuseFigures(trx, key, since);
  const share = notices ? unfounded / notices : 0;
  if (notices < settings.minNotices || share < settings.warnShare) return 'none';
  const figures = { notices, unfounded, share: Math.round(share * 100) / 100, windowDays: settings.windowDays };
  const desk: Ctx = { ...ctx, actor: SYSTEM };
  const thread = await threadOf(trx, c);
  const warning = await latestMeasure(trx, key, 'warning', since);
  if (!warning) {
    await insertMeasure(trx, { complainantKey: key, kind: 'warning', caseId: c.id, notices, unfounded, at, until: null });
    await appendCaseEvent(trx, { caseId: c.id, at, actor: SYSTEM, type: 'complainant_warned', fromStatus: null, toStatus: null, data: figures });
    await queueReply(trx, desk, c, thread, 'misuse-warning', { vars: { ...figures, sharePercent: Math.round(share * 100) } });
    return 'warned';
  }
  if (share < settings.suspendShare || warning.createdAt >= at || (await activeSuspension(trx, key, at))) return 'none';
  const until = new Date(now.getTime() + settings.suspendDays * DAY).toISOString();
  await insertMeasure(trx, { complainantKey: key, kind: 'suspension', caseId: c.id, notices, unfounded, at, until });
  await appendCaseEvent(trx, { caseId: c.id, at, actor: SYSTEM, type: 'complainant_suspended', fromStatus: null, toStatus: null, data: { ...figures, until, warnedOn: warning.caseNumber } });
  await queueReply(trx, desk, c, thread, 'misuse-suspended', { vars: { ...figures, sharePercent: Math.round(share * 100), until } });
  return 'suspended';
}

/**
 * A new notice from a suspended complainant is kept, checked and marked
 * suspended instead of going to review, and acknowledged with what happens
 * to it: kept, not reviewed until the suspension ends. Null when the
 * complainant is not suspended (or the case is not a notice).
 */
export async function holdIfSuspended(trx: Transaction<Database>, ctx: Ctx, opened: Case, findings: Case['findings'], thread: ReplyThread, statusUrl: string | null): Promise<Case | null> {
  if (opened.kind !== 'notice') return null;
  const key = await complainantKeyOfCase(trx, opened.id);
  if (!key) return null;
  const suspension: ComplainantMeasure | null = await activeSuspension(trx, key, ctx.now().toISOString());
  if (!suspension) return null;
  const desk: Ctx = { ...ctx, actor: SYSTEM };
  const held = await changeCase(trx, desk, opened, {
    to: 'suspended',
    fields: { findings: JSON.stringify(findings) },
    event: { type: 'notice_suspended', data: { until: suspension.until, suspendedOn: suspension.caseId } },
  });
  await queueReply(trx, desk, held, thread, 'acknowledgement-suspended', { vars: { until: suspension.until, statusUrl } });
  return held;
}
