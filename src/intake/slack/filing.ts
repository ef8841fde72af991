import type { App, MessageShortcut, webApi } from '@slack/bolt';
import type { Ctx } from '../../domain/context.js';
import { submitStructured } from '../../domain/cases/submit-structured.js';
import type { StructuredSubmission } from '../../domain/messages/read-content.js';
import type { Actor, Complaint } from '../../domain/schemas/index.js';
import { caseLine } from './case-message.js';
import { errorText, tellUser, type SlackDeps } from './deps.js';
import { NOT_A_REVIEWER, resolveReviewer } from './reviewers.js';
import { STATEMENTS as VOCABULARY } from '../../rules/finding-texts.js';

export const FILE_VIEW = 'file_complaint';
export const FILE_SHORTCUT = 'file_as_complaint';

const IPR_TYPES = ['copyright', 'trademark', 'patent', 'design'] as const;
const STATEMENTS = {
  good_faith: VOCABULARY.complaintGoodFaith.en,
  accuracy: VOCABULARY.complaintAccuracy.en,
} as const;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

function input(blockId: string, label: string, element: Record<string, unknown>, optional = false) {
  return { type: 'input' as const, block_id: blockId, optional, label: plain(label), element: { action_id: 'value', ...element } };
}

/** The online form's essential fields, as a modal. */
export function fileComplaintView(ctx: Ctx, channel: string | null) {
  const platforms = ctx.platforms.slice(0, 100).map((p) => ({ text: plain(p.name.slice(0, 75)), value: p.id }));
  return {
    type: 'modal' as const,
    callback_id: FILE_VIEW,
    private_metadata: JSON.stringify({ channel }),
    title: plain('File a complaint'),
    submit: plain('File'),
    close: plain('Cancel'),
    blocks: [
      ...(platforms.length ? [input('platform', 'Platform', { type: 'static_select', options: platforms }, true)] : []),
      input('ipr_type', 'Type of right', { type: 'static_select', options: IPR_TYPES.map((t) => ({ text: plain(t), value: t })) }),
      input('rights_owner', 'Rights owner', { type: 'plain_text_input' }),
      input('name', 'Complainant name', { type: 'plain_text_input' }),
      input('email', 'Complainant email', { type: 'email_text_input' }),
      input('work', 'The right or work infringed (registration number, title...)', { type: 'plain_text_input', multiline: true }),
      input('listings', 'Listing URLs, one per line', { type: 'plain_text_input', multiline: true }),
      input('description', 'Why these listings infringe', { type: 'plain_text_input', multiline: true }, true),
      input('statements', 'Statements', {
        type: 'checkboxes',
        options: Object.entries(STATEMENTS).map(([value, text]) => ({ text: plain(text.slice(0, 150)), value })),
      }, true),
      input('signature', 'Signature (full name)', { type: 'plain_text_input' }),
    ],
  };
}

type Values = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null; selected_options?: Array<{ value: string }> }>>;

/** Checks the modal and turns it into the submission the parser reads; errors are per field, as Slack shows them. */
export function readFileForm(values: Values): { submission: StructuredSubmission } | { errors: Record<string, string> } {
  const get = (block: string) => values[block]?.value;
  const text = (block: string) => get(block)?.value?.trim() ?? '';
  const email = text('email');
  const listings = text('listings').split(/\s+/).filter(Boolean);
  const errors: Record<string, string> = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'Enter the complainant’s email address.';
  if (!listings.length) errors.listings = 'Enter at least one listing URL.';
  else if (listings.some((u) => !/^https?:\/\//i.test(u))) errors.listings = 'Each line must be one URL starting with http:// or https://.';
  if (Object.keys(errors).length) return { errors };
  const iprType = (get('ipr_type')?.selected_option?.value ?? 'copyright') as Complaint['iprType'];
  const platform = get('platform')?.selected_option?.value ?? null;
  const chosen = new Set((get('statements')?.selected_options ?? []).map((o) => o.value));
  const name = text('name');
  const lines = [
    `Rights owner: ${text('rights_owner')}`,
    `Complainant: ${name} <${email}>`,
    `Type of right: ${iprType}`,
    `Work / right infringed: ${text('work')}`,
    '',
    'Infringing listings:',
    ...listings,
    '',
    text('description'),
    '',
    ...Object.entries(STATEMENTS).filter(([key]) => chosen.has(key)).map(([, statement]) => statement),
    '',
    `Signature: /${text('signature')}/`,
  ];
  return {
    submission: {
      subject: `Complaint about ${listings.length} listing(s) from ${text('rights_owner')}`,
      text: lines.join('\n'),
      from: { name: name || null, address: email },
      platform,
      overrides: { iprType, rightsOwner: text('rights_owner') || null, complainant: { name: name || null, organisation: null, email, phone: null, address: null } },
      attachments: [],
    },
  };
}

/** Files the submission through the same pipeline as mail; returns what to tell the reviewer. */
export async function fileSubmission(deps: SlackDeps, actor: Actor, submission: StructuredSubmission, origin: string, messageId: string | null): Promise<string> {
  const raw = new TextEncoder().encode(JSON.stringify(submission));
  const result = await submitStructured(deps.ctx(actor), raw, 'slack', origin, messageId);
  if (result.case && result.filedBefore) return `This was filed before: ${caseLine(result.case, deps.consoleUrl)}`;
  if (result.case && result.status !== 'ignored') {
    const missing = result.case.findings.filter((f) => f.severity !== 'warning').map((f) => `• ${f.message}`);
    return [`${result.joined ? 'Added to' : 'Filed as'} ${caseLine(result.case, deps.consoleUrl)}`, ...(missing.length ? ['Still missing:', ...missing] : [])].join('\n');
  }
  if (result.status === 'failed') deps.log(`slack: filing failed: ${result.problem}`);
  return result.status === 'ignored' ? `Not filed: ${result.problem}` : 'Sorry, that could not be filed. Nothing was created; try again or forward the notice by email.';
}

export async function openFileModal(deps: SlackDeps, client: webApi.WebClient, triggerId: string, channel: string | null): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: fileComplaintView(deps.ctx(), channel) });
}

export function registerFiling(app: App, deps: SlackDeps): void {
  app.view(FILE_VIEW, async ({ ack, body, view, client }) => {
    const form = readFileForm(view.state.values as Values);
    if ('errors' in form) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    await ack();
    const { channel } = JSON.parse(view.private_metadata || '{}') as { channel?: string | null };
    const where = { channel: channel ?? undefined, user: body.user.id };
    const actor = await resolveReviewer(client, deps.db, body.user.id);
    if (!actor) return tellUser(client, where, NOT_A_REVIEWER);
    try {
      await tellUser(client, where, await fileSubmission(deps, actor, form.submission, `slack:modal:${view.id}`, null));
    } catch (error) {
      await tellUser(client, where, errorText(error, 'slack filing'));
    }
  });

  app.shortcut<MessageShortcut>(FILE_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    const where = { channel: shortcut.channel.id, user: shortcut.user.id };
    const actor = await resolveReviewer(client, deps.db, shortcut.user.id);
    if (!actor) return tellUser(client, where, NOT_A_REVIEWER);
    const text = shortcut.message.text?.trim();
    if (!text) return tellUser(client, where, 'That message has no text to read as a complaint.');
    const submission: StructuredSubmission = { subject: null, text, from: null, platform: null, overrides: {}, attachments: [] };
    const id = `<${shortcut.message.ts}.${shortcut.channel.id}@slack>`;
    try {
      await tellUser(client, where, await fileSubmission(deps, actor, submission, `slack:${shortcut.channel.id}:${shortcut.message.ts}`, id));
    } catch (error) {
      await tellUser(client, where, errorText(error, 'slack filing'));
    }
  });
}
