import { Hono, type Context } from 'hono';
import { acceptCase } from '../../src/domain/cases/accept-case.js';
import { assignCase } from '../../src/domain/cases/assign-case.js';
import { closeCase } from '../../src/domain/cases/close-case.js';
import { markDuplicate } from '../../src/domain/cases/mark-duplicate.js';
import { rejectCase } from '../../src/domain/cases/reject-case.js';
import { requestInfo } from '../../src/domain/cases/request-info.js';
import type { CounterNoticeCtx } from '../../src/domain/counter-notices/business-days.js';
import { decideDispute } from '../../src/domain/counter-notices/decide-dispute.js';
import { forwardCounterNotice } from '../../src/domain/counter-notices/forward-counter-notice.js';
import { rejectCounterNotice } from '../../src/domain/counter-notices/reject-counter-notice.js';
import { withdrawComplaint } from '../../src/domain/counter-notices/withdraw-complaint.js';
import { DomainError } from '../../src/domain/errors.js';
import { dismissHeldChange } from '../../src/domain/complainant/held-changes.js';
import { addNote } from '../../src/domain/notes/add-note.js';
import { noteWithMacro } from '../../src/domain/cases/macros.js';
import { attachLibraryDocument } from '../../src/domain/cases/rights-library.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { checkCsrf } from '../http/session.js';
import { renderCase } from './case.js';
import { readForm } from '../http/body.js';

type Body = Record<string, string | File | (string | File)[]>;
const str = (b: Body, k: string): string | undefined => {
  const v = b[k];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s : undefined;
};
const all = (b: Body, k: string): string[] => {
  const v = b[k];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
};
/** The reviewer's own wording, when they wrote any; otherwise the reply is written from the decision. */
const reply = (b: Body) => {
  const text = str(b, 'reply_text');
  return text ? { subject: str(b, 'reply_subject') ?? '', text: text.replace(/\r\n/g, '\n'), html: null } : undefined;
};

/** Form fields -> verb input; the verbs validate, this only translates. */
const ACTIONS: Record<string, (ctx: CounterNoticeCtx, ref: { caseNumber: string; version?: number }, b: Body) => Promise<unknown>> = {
  assign: (ctx, ref, b) => assignCase(ctx, { ...ref, assignee: 'assignee' in b ? (str(b, 'assignee') ?? null) : undefined }),
  accept: async (ctx, ref, b) => acceptCase(ctx, { ...ref, listings: all(b, 'listings'), keptReason: str(b, 'keptReason'), note: await noteWithMacro(ctx, str(b, 'note'), str(b, 'macro')), reply: reply(b) }),
  reject: async (ctx, ref, b) => rejectCase(ctx, { ...ref, reason: str(b, 'reason') as never, note: await noteWithMacro(ctx, str(b, 'note'), str(b, 'macro')), reply: reply(b) }),
  'request-info': (ctx, ref, b) =>
    requestInfo(ctx, { ...ref, status: str(b, 'status') as never, requested: (str(b, 'requested') ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean), reply: reply(b) }),
  duplicate: (ctx, ref, b) => markDuplicate(ctx, { ...ref, duplicateOf: str(b, 'duplicateOf') ?? '', notify: str(b, 'notify') === 'on', reply: reply(b) }),
  close: (ctx, ref, b) => closeCase(ctx, { ...ref, note: str(b, 'note') ?? '' }),
  'forward-counter-notice': (ctx, ref, b) =>
    forwardCounterNotice(ctx, { ...ref, noticeCaseNumber: str(b, 'noticeCaseNumber'), businessDays: str(b, 'businessDays') ? Number(str(b, 'businessDays')) : undefined }),
  'reject-counter-notice': (ctx, ref, b) => rejectCounterNotice(ctx, { ...ref, note: str(b, 'note') }),
  'decide-dispute': (ctx, ref, b) => decideDispute(ctx, { ...ref, outcome: str(b, 'outcome') as never, note: str(b, 'note') ?? '', reply: reply(b) }),
  withdraw: (ctx, ref, b) => withdrawComplaint(ctx, { ...ref, note: str(b, 'note') }),
  'attach-library': (ctx, ref, b) => attachLibraryDocument(ctx, { caseNumber: ref.caseNumber, fromCase: str(b, 'fromCase') ?? '', sha256: str(b, 'sha256') ?? '' }),
  'dismiss-held-change': (ctx, ref, b) => dismissHeldChange(ctx, { ...ref, holdId: str(b, 'holdId') ?? '', note: str(b, 'note') }),
  note: (ctx, ref, b) => addNote(ctx, { caseNumber: ref.caseNumber, text: str(b, 'text') ?? '' }),
};

function explain(error: DomainError): string {
  const fields = error.details.fields as Record<string, string> | undefined;
  const detail = fields ? ` (${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')})` : '';
  if (error.code === 'conflict') return `${error.message} Nothing you entered was saved; the page now shows the current state.`;
  return error.message + detail;
}

export function decisionRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.post('/cases/:number{ND-\\d{4}-\\d{6,}}/:action', async (c: Context<ConsoleEnv>) => {
    const number = c.req.param('number')!;
    const run = ACTIONS[c.req.param('action')!];
    if (!run) return c.notFound();
    const body = (await readForm(c, { all: true })) as Body;
    if (!checkCsrf(c, str(body, '_csrf'))) return c.text('The form expired or came from elsewhere; reload the page and try again.', 403);
    const version = str(body, 'version');
    const ctx = deps.ctx(actorOf(c.get('user')!), c.get('requestId'));
    try {
      await run(ctx, { caseNumber: number, version: version === undefined ? undefined : Number(version) }, body);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'not_found' && !error.details.fields) throw error;
      // A note refused (an unknown @name) comes back in its box with the reason beside it, so nothing typed is lost.
      const note = c.req.param('action') === 'note' ? { noteDraft: str(body, 'text'), noteError: (error.details.fields as Record<string, string> | undefined)?.text } : {};
      return renderCase(c, deps, number, { error: explain(error), status: error.code === 'conflict' ? 409 : 422, ...note });
    }
    return c.redirect(`/cases/${number}?done=${c.req.param('action')}`, 303);
  });
  return app;
}
