import { Hono, type Context } from 'hono';
import { readCase, readCaseAttachment, type CaseFile } from '../../src/domain/cases/read-case.js';
import { listReviewers, type User } from '../../src/store/repos/users.js';
import { listMacros, type Macro } from '../../src/store/repos/macros.js';
import { sniffPreviewType } from '../http/preview-type.js';
import { actorOf, type ConsoleDeps, type ConsoleEnv } from '../deps.js';
import { listCaseDeliveries } from '../../src/store/repos/webhooks.js';
import type { WebhookDeliveryRow } from '../../src/store/tables.js';
import { WebhookRows } from './admin-webhooks.js';
import { Checklist, Messages, ParsedFields, Related, Timeline } from '../views/case-view.js';
import { NoteForm } from '../views/notes.js';
import { RightsLibrary } from '../views/rights-library.js';
import { DecisionPanels, Listings } from '../views/decision-panels.js';
import { Alert, formatTime, Page, StatusBadge } from '../views/layout.js';
import { HeldChanges } from '../views/held-changes.js';
import { MerchantNotices } from '../views/merchant-notices.js';
import { listCaseMerchantNotices, type MerchantNotice } from '../../src/store/repos/merchant-notices.js';
import { listStatements } from '../../src/store/repos/statements.js';

const DONE: Record<string, string> = {
  assign: 'Assignment saved.',
  accept: 'Accepted; the reply is queued.',
  reject: 'Rejected; the reply is queued.',
  'request-info': 'Request sent; the case waits for the sender.',
  duplicate: 'Closed as a duplicate.',
  close: 'Case closed.',
  'forward-counter-notice': 'Counter-notice forwarded with its deadline.',
  'reject-counter-notice': 'Dispute opened.',
  'decide-dispute': 'Dispute decided; the mails to both sides are queued.',
  withdraw: 'Withdrawal recorded; listings reinstated.',
  'dismiss-held-change': 'Held change set aside; it can no longer be confirmed.',
  note: 'Note saved in the case record (not sent to the sender).',
  'attach-library': 'Document from the rights library attached to this case.',
};

function CasePage(props: { file: CaseFile; csrf: string | null; me: string; reviewers: User[]; macros: Macro[]; error?: string; done?: string; webhookFailures?: WebhookDeliveryRow[]; isAdmin?: boolean; merchant?: { statements: { puid: string; url: string }[]; notices: MerchantNotice[] }; noteDraft?: string; noteError?: string }) {
  const { file } = props;
  const c = file.case;
  return (
    <>
      <p class="small"><a href="/">← Queue</a></p>
      <div class="bar spread">
        <div>
          <h1>{c.number} <StatusBadge status={c.status} />{c.trustedFlagger ? <> <span class="badge trusted-flagger">trusted flagger</span></> : null}</h1>
          <p class="muted">{c.kind.replace(/_/g, ' ')} · {c.platform ?? 'no platform'} · {c.rightsOwner ?? 'rights owner unknown'} · received {formatTime(c.createdAt)}{c.dueAt ? ` · due ${formatTime(c.dueAt)}` : ''}{c.slaDueAt && !c.dueAt ? ` · ${['deficient', 'awaiting_complainant'].includes(c.status) ? 'answer due' : 'review due (SLA)'} ${formatTime(c.slaDueAt)}` : ''} · assigned to {c.assignee ?? 'nobody'}</p>
        </div>
      </div>
      {props.error ? <Alert kind="error">{props.error}</Alert> : null}
      {props.done && DONE[props.done] ? <Alert kind="ok">{DONE[props.done]}</Alert> : null}
      <HeldChanges file={file} csrf={props.csrf} />
      {props.webhookFailures?.length ? (
        <div class="panel flush">
          <h2>Platform webhooks not delivered</h2>
          <WebhookRows rows={props.webhookFailures} csrf={props.csrf ?? ''} back={`/cases/${c.number}`} canRetry={props.isAdmin === true} />
        </div>
      ) : null}
      <div class="grid">
        <div>
          <div class="panel"><h2>Listings</h2><Listings file={file} form={['received', 'deficient', 'in_review', 'awaiting_complainant'].includes(c.status) && c.kind === 'notice'} /></div>
          <div class="panel"><h2>Findings</h2><Checklist findings={c.findings} /></div>
          <div class="panel"><h2>What was read</h2><ParsedFields complaint={c.complaint} /></div>
          <Messages file={file} />
        </div>
        <div>
          {props.merchant ? <MerchantNotices statements={props.merchant.statements} notices={props.merchant.notices} /> : null}
          <div class="panel"><h2>Decide</h2><DecisionPanels file={file} csrf={props.csrf} me={props.me} reviewers={props.reviewers} macros={props.macros} /></div>
          <div class="panel"><h2>Rights library</h2><RightsLibrary file={file} csrf={props.csrf} /></div>
          <div class="panel"><h2>Internal note</h2><NoteForm number={c.number} csrf={props.csrf} draft={props.noteDraft} error={props.noteError} /></div>
          <div class="panel"><h2>Case record</h2><Timeline file={file} /></div>
          <div class="panel"><h2>Related cases</h2><Related file={file} /></div>
        </div>
      </div>
    </>
  );
}

/** Renders the case page, with an error banner when a decision failed (conflict, invalid input). */
export async function renderCase(c: Context<ConsoleEnv>, deps: ConsoleDeps, number: string, extra: { error?: string; status?: 200 | 404 | 409 | 422; noteDraft?: string; noteError?: string } = {}) {
  const user = c.get('user')!;
  const [file, reviewers] = await Promise.all([readCase(deps.ctx(actorOf(user), c.get('requestId')), number), listReviewers(deps.db)]);
  const webhookFailures = (await listCaseDeliveries(deps.db, file.case.id)).filter((d) => d.status === 'failed' || (d.status === 'pending' && d.last_error));
  const merchant = {
    statements: (await listStatements(deps.db, { caseId: file.case.id })).map((s) => ({ puid: s.statement.puid, url: s.statement.listingUrl })),
    notices: await listCaseMerchantNotices(deps.db, file.case.id),
  };
  // Macros in the language the reply goes out in.
  const macros = await listMacros(deps.db, /^zh/i.test(file.case.complaint.language) ? 'zh' : 'en');
  const page = (
    <Page title={number} user={user} csrf={c.get('csrfToken')} active="queue">
      <CasePage file={file} csrf={c.get('csrfToken')} me={user.email} reviewers={reviewers} macros={macros} error={extra.error} done={c.req.query('done')} webhookFailures={webhookFailures} isAdmin={user.role === 'admin'} merchant={merchant} noteDraft={extra.noteDraft} noteError={extra.noteError} />
    </Page>
  );
  return c.html(page, extra.status ?? 200);
}

export function caseRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.get('/cases/:number{ND-\\d{4}-\\d{6,}}', (c) => renderCase(c, deps, c.req.param('number')));
  app.get('/cases/:number{ND-\\d{4}-\\d{6,}}/attachments/:sha{[0-9a-f]{64}}', async (c) => {
    const ctx = deps.ctx(actorOf(c.get('user')!), c.get('requestId'));
    const { info, bytes } = await readCaseAttachment(ctx, c.req.param('number'), c.req.param('sha'));
    const name = (info.filename ?? 'attachment').replace(/[^\w.\- ]/g, '_');
    // Always a download with a neutral type: an attached HTML or SVG file must never render on our origin.
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${name}"`,
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });
  // A trailing file name is ignored here: it is there so a PDF viewer shows and saves the file under its name.
  app.get('/cases/:number{ND-\\d{4}-\\d{6,}}/attachments/:sha{[0-9a-f]{64}}/preview/:name?', async (c) => {
    const ctx = deps.ctx(actorOf(c.get('user')!), c.get('requestId'));
    const { info, bytes } = await readCaseAttachment(ctx, c.req.param('number'), c.req.param('sha'));
    const type = sniffPreviewType(bytes);
    if (!type) return c.text('Only PNG, JPEG and GIF images and PDF documents are shown inline; download the file instead.', 415);
    const name = (info.filename ?? 'attachment').replace(/[^\w.\- ]/g, '_');
    const pdf = type === 'application/pdf';
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': type,
      'content-disposition': `inline; filename="${name}"`,
      // The document is sandboxed by its own policy (no script, an opaque origin, no forms, no navigation
      // of the page), since Chromium's PDF viewer refuses a frame sandboxed by its parent. A PDF may be
      // framed by our own case page only; an image is never framed.
      'content-security-policy': pdf ? "default-src 'none'; sandbox; frame-ancestors 'self'" : "default-src 'none'; sandbox",
      ...(pdf ? { 'x-frame-options': 'SAMEORIGIN' } : {}),
    });
  });
  return app;
}
