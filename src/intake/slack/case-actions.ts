import type { App, BlockAction, BlockElementAction, StaticSelectAction, webApi } from '@slack/bolt';
import { acceptCase } from '../../domain/cases/accept-case.js';
import { assignCase } from '../../domain/cases/assign-case.js';
import { readCase } from '../../domain/cases/read-case.js';
import { rejectCase } from '../../domain/cases/reject-case.js';
import { requestInfo } from '../../domain/cases/request-info.js';
import type { Ctx } from '../../domain/context.js';
import { DomainError } from '../../domain/errors.js';
import { isBlocking } from '../../domain/schemas/index.js';
import { ACTION, parseCaseBlockId } from './case-message.js';
import { errorText, isConflict, redrawCase, tellUser, type SlackDeps } from './deps.js';
import { NOT_A_REVIEWER, resolveReviewer } from './reviewers.js';

export const REQUEST_INFO_VIEW = 'request_info';

type CaseRef = { caseNumber: string; version: number };

/**
 * Every case button works the same way: acknowledge at once, find the
 * reviewer, call the verb, then redraw the message from the case as it is
 * now — also after a conflict, so the reviewer sees what changed.
 */
function onCaseAction(app: App, deps: SlackDeps, actionId: string, run: (ctx: Ctx, ref: CaseRef, action: BlockElementAction, client: webApi.WebClient, body: BlockAction) => Promise<boolean>): void {
  app.action<BlockAction>(actionId, async ({ ack, body, action, client }) => {
    await ack();
    const ref = parseCaseBlockId(action.block_id);
    const channel = body.channel?.id;
    const ts = body.message?.ts;
    if (!ref) return;
    const actor = await resolveReviewer(client, deps.db, body.user.id);
    if (!actor) return tellUser(client, { channel, user: body.user.id }, NOT_A_REVIEWER);
    const ctx = deps.ctx(actor);
    let redraw = false;
    try {
      redraw = await run(ctx, ref, action, client, body);
    } catch (error) {
      if (!(error instanceof DomainError)) deps.log(`slack: ${actionId} on ${ref.caseNumber}: ${(error as Error).message}`);
      await tellUser(client, { channel, user: body.user.id }, errorText(error, ctx.requestId));
      redraw = isConflict(error);
    }
    if (redraw && channel && ts) await redrawCase(deps, client, ctx, ref.caseNumber, { channel, ts });
  });
}

function requestInfoView(caseNumber: string, lines: string[], meta: Record<string, unknown>) {
  return {
    type: 'modal' as const,
    callback_id: REQUEST_INFO_VIEW,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text' as const, text: 'Request information' },
    submit: { type: 'plain_text' as const, text: 'Send request' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      {
        type: 'input' as const,
        block_id: 'requested',
        label: { type: 'plain_text' as const, text: `What should the sender of ${caseNumber} send? One item per line.` },
        element: { type: 'plain_text_input' as const, action_id: 'value', multiline: true, ...(lines.length ? { initial_value: lines.join('\n') } : {}) },
      },
      {
        type: 'input' as const,
        block_id: 'note',
        optional: true,
        label: { type: 'plain_text' as const, text: 'Note to the sender' },
        element: { type: 'plain_text_input' as const, action_id: 'value', multiline: true },
      },
    ],
  };
}

export function registerCaseActions(app: App, deps: SlackDeps): void {
  onCaseAction(app, deps, ACTION.accept, async (ctx, ref) => {
    await acceptCase(ctx, ref);
    return true;
  });

  onCaseAction(app, deps, ACTION.reject, async (ctx, ref, action) => {
    const reason = (action as StaticSelectAction).selected_option?.value;
    await rejectCase(ctx, { ...ref, reason: reason as never });
    return true;
  });

  onCaseAction(app, deps, ACTION.assignMe, async (ctx, ref) => {
    // Taking a case is not a decision: it does not need the version the reviewer saw.
    await assignCase(ctx, { caseNumber: ref.caseNumber });
    return true;
  });

  onCaseAction(app, deps, ACTION.requestInfo, async (ctx, ref, _action, client, body) => {
    const file = await readCase(ctx, ref.caseNumber);
    const lines = file.case.findings.filter(isBlocking).map((f) => f.message);
    const meta = { ...ref, channel: body.channel?.id ?? null, ts: body.message?.ts ?? null };
    await client.views.open({ trigger_id: body.trigger_id, view: requestInfoView(ref.caseNumber, lines, meta) });
    return false;
  });

  // The Open button is a link; Slack still reports the click, which only needs an acknowledgement.
  app.action(ACTION.open, async ({ ack }) => {
    await ack();
  });

  app.view(REQUEST_INFO_VIEW, async ({ ack, body, view, client }) => {
    const requested = (view.state.values.requested?.value?.value ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const note = view.state.values.note?.value?.value?.trim() || undefined;
    if (!requested.length && !note) {
      await ack({ response_action: 'errors', errors: { requested: 'Say what the sender should send.' } });
      return;
    }
    await ack();
    const meta = JSON.parse(view.private_metadata || '{}') as CaseRef & { channel: string | null; ts: string | null };
    const actor = await resolveReviewer(client, deps.db, body.user.id);
    const where = { channel: meta.channel ?? undefined, user: body.user.id };
    if (!actor) return tellUser(client, where, NOT_A_REVIEWER);
    const ctx = deps.ctx(actor);
    let redraw = true;
    try {
      await requestInfo(ctx, { caseNumber: meta.caseNumber, version: meta.version, requested, note });
    } catch (error) {
      await tellUser(client, where, errorText(error, ctx.requestId));
      redraw = isConflict(error);
    }
    if (redraw && meta.channel && meta.ts) await redrawCase(deps, client, ctx, meta.caseNumber, { channel: meta.channel, ts: meta.ts });
  });
}
