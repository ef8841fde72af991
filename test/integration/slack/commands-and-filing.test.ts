import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCases } from '../../../src/store/repos/cases.js';
import { NOT_A_REVIEWER } from '../../../src/intake/slack/reviewers.js';
import { seedCase } from '../domain/seed.js';
import { CHANNEL, RITA, startHarness, STRANGER, viewSubmission, type Harness } from './slack-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function notice(user: string, text: string) {
  return h.command({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'desk',
    channel_id: CHANNEL,
    channel_name: 'ipr-cases',
    user_id: user,
    user_name: 'u',
    command: '/notice',
    text,
    api_app_id: 'A1',
    response_url: `${h.api.url}/respond/cmd`,
    trigger_id: `trigger-${Math.random()}`,
  });
}

const NOTICE_TEXT = [
  'Dear IPR team,',
  'I am Jane Doe, Brand Manager of Acme Pictures Inc., the owner of the copyright in the photograph "Sunset Over Lake".',
  'The following listing uses our photograph without authorization:',
  'https://www.aliexpress.com/item/1005001234567890.html',
  'I have a good faith belief that use of the material in the manner complained of is not authorized by the copyright owner, its agent, or the law.',
  'The information in this notification is accurate, and under penalty of perjury, I am authorized to act on behalf of the owner.',
  'Jane Doe, Acme Pictures Inc., 1 Main Street, Springfield; jane@acme.example; +1 555 0100',
  '/Jane Doe/',
].join('\n');

describe('/notice lookups', () => {
  it('shows a case by number, ephemerally', async () => {
    const c = await seedCase(h.ctx());
    const res = await notice(RITA.slackId, c.number);
    expect(res.status).toBe(200);
    expect(res.json.response_type).toBe('ephemeral');
    expect(res.json.text).toContain(c.number);
    expect(res.json.text).toContain('In review');
  });

  it('finds cases by listing URL and by sender email', async () => {
    const c = await seedCase(h.ctx(), { complaint: { complainant: { name: 'Jane', organisation: null, email: 'jane@acme.example', phone: null, address: null } } });
    await seedCase(h.ctx(), { complaint: { listings: [], complainant: { name: 'Other', organisation: null, email: 'other@else.example', phone: null, address: null } } });
    const byUrl = await notice(RITA.slackId, 'https://www.aliexpress.com/item/2.html');
    expect(byUrl.json.text).toContain('1 case(s) match');
    expect(byUrl.json.text).toContain(c.number);
    const byEmail = await notice(RITA.slackId, 'jane@acme.example');
    expect(byEmail.json.text).toContain(c.number);
    const none = await notice(RITA.slackId, 'nobody@nowhere.example');
    expect(none.json.text).toContain('No case matches');
  });

  it('says so when a case number does not exist', async () => {
    const res = await notice(RITA.slackId, 'ND-2026-999999');
    expect(res.json.text).toBe('There is no case ND-2026-999999.');
  });

  it('refuses to look anything up for a Slack user without an account', async () => {
    const c = await seedCase(h.ctx());
    const res = await notice(STRANGER.slackId, c.number);
    expect(res.json.text).toBe(NOT_A_REVIEWER);
    expect(res.json.text).not.toContain(c.number);
  });
});

describe('/notice file', () => {
  it('opens the filing modal', async () => {
    const res = await notice(RITA.slackId, 'file');
    expect(res.status).toBe(200);
    await h.settle();
    const opened = h.api.of('views.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.args.view.callback_id).toBe('file_complaint');
    const blockIds = opened[0]!.args.view.blocks.map((b: { block_id: string }) => b.block_id);
    expect(blockIds).toEqual(expect.arrayContaining(['platform', 'ipr_type', 'rights_owner', 'name', 'email', 'listings', 'signature']));
  });

  it('does not open the modal for a Slack user without an account', async () => {
    await notice(STRANGER.slackId, 'file');
    await h.settle();
    expect(h.api.of('views.open')).toHaveLength(0);
    expect(h.api.of('respond/cmd').at(-1)!.args.text).toBe(NOT_A_REVIEWER);
  });

  const values = (overrides: Record<string, unknown> = {}) => ({
    platform: { value: { type: 'static_select', selected_option: { value: 'aliexpress', text: { type: 'plain_text', text: 'AliExpress' } } } },
    ipr_type: { value: { type: 'static_select', selected_option: { value: 'copyright', text: { type: 'plain_text', text: 'copyright' } } } },
    rights_owner: { value: { type: 'plain_text_input', value: 'Acme Pictures Inc.' } },
    name: { value: { type: 'plain_text_input', value: 'Jane Doe' } },
    email: { value: { type: 'email_text_input', value: 'jane@acme.example' } },
    work: { value: { type: 'plain_text_input', value: 'Photograph "Sunset Over Lake"' } },
    listings: { value: { type: 'plain_text_input', value: 'https://www.aliexpress.com/item/1005001234567890.html' } },
    description: { value: { type: 'plain_text_input', value: 'The listing uses our photograph as its main image.' } },
    statements: { value: { type: 'checkboxes', selected_options: [{ value: 'good_faith' }, { value: 'accuracy' }] } },
    signature: { value: { type: 'plain_text_input', value: 'Jane Doe' } },
    ...overrides,
  });

  it('files the submitted form as a case through the parser and checks', async () => {
    const res = await h.interaction(viewSubmission({ user: RITA.slackId, callbackId: 'file_complaint', privateMetadata: JSON.stringify({ channel: CHANNEL }), values: values() }));
    expect(res.status).toBe(200);
    await h.settle();
    const cases = await listCases(h.db);
    expect(cases).toHaveLength(1);
    const filed = cases[0]!;
    expect(filed.platform).toBe('aliexpress');
    expect(filed.rightsOwner).toBe('Acme Pictures Inc.');
    expect(filed.complaint.complainant.email).toBe('jane@acme.example');
    expect(filed.complaint.listings.map((l) => l.url)).toEqual(['https://www.aliexpress.com/item/1005001234567890.html']);
    const message = await h.db.selectFrom('raw_messages').select(['channel', 'case_id']).executeTakeFirstOrThrow();
    expect(message).toEqual({ channel: 'slack', case_id: filed.id });
    const told = h.api.of('chat.postEphemeral').at(-1)!;
    expect(told.args).toMatchObject({ channel: CHANNEL, user: RITA.slackId });
    expect(told.args.text).toContain(`Filed as <http://console.test/cases/${filed.number}|${filed.number}>`);
  });

  it('shows field errors in the modal and stores nothing when the form is not valid', async () => {
    const res = await h.interaction(
      viewSubmission({ user: RITA.slackId, callbackId: 'file_complaint', values: values({ email: { value: { type: 'email_text_input', value: 'not an email' } }, listings: { value: { type: 'plain_text_input', value: '' } } }) }),
    );
    expect(res.json).toEqual({ response_action: 'errors', errors: { email: expect.any(String), listings: expect.any(String) } });
    await h.settle();
    expect(await listCases(h.db)).toHaveLength(0);
    expect(await h.db.selectFrom('raw_messages').select('id').execute()).toHaveLength(0);
  });
});

describe('"File as complaint" message shortcut', () => {
  function shortcut(user: string) {
    return {
      type: 'message_action',
      callback_id: 'file_as_complaint',
      trigger_id: `trigger-${Math.random()}`,
      action_ts: '1700000100.1',
      team: { id: 'T1', domain: 'desk' },
      user: { id: user, name: 'u' },
      channel: { id: 'C0INBOX', name: 'ipr-inbox' },
      message_ts: '1700000000.000200',
      message: { type: 'message', user: 'U0FORWARDER', ts: '1700000000.000200', text: NOTICE_TEXT },
      response_url: `${h.api.url}/respond/shortcut`,
    };
  }

  it('turns a pasted notice into a case, and the same message only once', async () => {
    const res = await h.interaction(shortcut(RITA.slackId));
    expect(res.status).toBe(200);
    await h.settle();
    const cases = await listCases(h.db);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.complaint.listings.map((l) => l.url)).toContain('https://www.aliexpress.com/item/1005001234567890.html');
    expect(cases[0]!.complainantEmail ?? cases[0]!.complaint.complainant.email).toBe('jane@acme.example');
    expect(h.api.of('chat.postEphemeral').at(-1)!.args.text).toContain(`Filed as <http://console.test/cases/${cases[0]!.number}`);

    await h.interaction(shortcut(RITA.slackId));
    await h.settle();
    expect(await listCases(h.db)).toHaveLength(1);
    expect(h.api.of('chat.postEphemeral').at(-1)!.args.text).toContain(`This was filed before: <http://console.test/cases/${cases[0]!.number}`);
  });

  it('files nothing for a Slack user without an account', async () => {
    await h.interaction(shortcut(STRANGER.slackId));
    await h.settle();
    expect(await listCases(h.db)).toHaveLength(0);
    expect(h.api.of('chat.postEphemeral').at(-1)!.args.text).toBe(NOT_A_REVIEWER);
  });
});
