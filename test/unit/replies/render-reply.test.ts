import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReply, replyLanguage, TEMPLATES_DIR } from '../../../src/replies/render-reply.js';

const finding = (message: string, severity = 'missing') => ({ code: 'dmca.x', element: 'signature', severity, message });
const vars = {
  caseNumber: 'ND-2026-000123',
  complainantName: 'Jane <b>Doe</b>',
  subject: 'DMCA notice',
  findings: [finding('Sign the notice with your full name.'), finding('Name the copyrighted work.', 'invalid'), finding('A warning only the reviewer sees.', 'warning')],
  listings: [{ url: 'https://github.com/copy/one', valid: true, problem: null }],
  removed: ['https://github.com/copy/one'],
  kept: ['https://github.com/copy/two'],
  keptReason: 'not the same work',
  reasonText: 'the registration has expired',
  requested: ['A copy of the trademark certificate'],
  note: 'Reviewer note <i>here</i>',
  duplicateOf: 'ND-2026-000100',
  counterNoticeCase: 'ND-2026-000200',
  noticeCase: 'ND-2026-000100',
  merchantName: 'Shop & Co',
  dueAt: '2026-11-30T12:00:00.000Z',
  outcome: 'keep_removed',
  side: 'complainant',
  firstReply: true,
  // A statement of reasons mailed to a merchant (DSA Art. 17).
  listingUrl: 'https://github.com/copy/one',
  platformName: 'GitHub',
  territorialScope: ['EU'],
  noticeReceivedAt: '2026-11-20T09:00:00.000Z',
  decidedAt: '2026-11-21T09:00:00.000Z',
  law: 'the Copyright Directive (EU) 2019/790',
  outOfCourt: 'a certified out-of-court dispute settlement body (DSA Art. 21)',
  court: 'the competent court',
  counterNoticeUrl: 'http://desk.test/counter-notice/abc.def',
};
const templates = readdirSync(`${TEMPLATES_DIR}/en`).filter((f) => f.endsWith('.txt.eta') && f !== 'footer.txt.eta').map((f) => f.replace('.txt.eta', ''));

describe('renderReply', () => {
  it('has the decision templates the workflow queues', () => {
    for (const name of ['acknowledgement', 'deficiency', 'accepted', 'partially-accepted', 'rejected', 'request-info', 'counter-notice-forwarded', 'reinstated', 'withdrawn']) {
      expect(templates).toContain(name);
    }
  });

  it.each(templates.flatMap((t) => [[t, 'en'], [t, 'zh']]))('%s (%s) renders subject with case tag, text and HTML', (template, language) => {
    const reply = renderReply(template, vars, language);
    expect(reply.subject).toMatch(/^\[ND-2026-000123\] \S/);
    expect(reply.text).toContain(template === 'duplicate' || template.startsWith('dispute') || template === 'reinstated' || template === 'withdrawn' ? 'ND-2026-' : 'ND-2026-000123');
    expect(reply.html).toMatch(/^<!doctype html>/);
    expect(reply.html).not.toContain('<b>Doe</b>');
    expect(reply.text).not.toMatch(/undefined|\[object Object\]/);
    expect(reply.html).not.toMatch(/undefined|\[object Object\]/);
  });

  it('lists every blocking finding in the deficiency reply and says what to send back', () => {
    const reply = renderReply('deficiency', vars, 'en');
    expect(reply.text).toContain('1. Sign the notice with your full name.');
    expect(reply.text).toContain('2. Name the copyrighted work.');
    expect(reply.text).not.toContain('A warning only the reviewer sees.');
    expect(reply.text).toContain('What to send back');
    expect(reply.html).toContain('<li>Name the copyrighted work.</li>');
  });

  it('answers Chinese notices in Chinese', () => {
    expect(replyLanguage('zh-Hant')).toBe('zh');
    expect(replyLanguage('de')).toBe('en');
    const reply = renderReply('acknowledgement', vars, 'zh');
    expect(reply.subject).toBe('[ND-2026-000123] 我们已收到您的投诉');
    expect(reply.text).toContain('案件编号为 ND-2026-000123');
  });

  it('escapes sender-typed values in HTML but not in text', () => {
    const reply = renderReply('rejected', vars, 'en');
    expect(reply.html).toContain('Reviewer note &lt;i&gt;here&lt;/i&gt;');
    expect(reply.text).toContain('Reviewer note <i>here</i>');
  });

  it('says a listing is back online or taken down only as a decision until the platform confirms it', () => {
    // Only listing-confirmed reports what the platform did; every other mail states what was decided.
    const claims = /available again|were reinstated|are reinstated|is back online|stay removed|已恢复|已重新上线|保持删除状态?。$/m;
    for (const language of ['en', 'zh']) {
      for (const [template, extra] of [['reinstated', {}], ['reinstated', { reason: 'no_answer_in_time' }], ['withdrawn', {}], ['dispute-decided', { outcome: 'reinstate' }], ['dispute-decided', { outcome: 'keep_removed' }]] as const) {
        const reply = renderReply(template, { ...vars, ...extra }, language);
        expect(reply.text, `${template} ${language}`).not.toMatch(claims);
      }
    }
    expect(renderReply('reinstated', vars, 'en').text).toContain('are to be put back online');
    expect(renderReply('dispute-decided', { ...vars, outcome: 'reinstate' }, 'en').text).toContain('are to be reinstated');
  });

  it('refuses unknown templates and path tricks', () => {
    expect(() => renderReply('no-such-template', vars, 'en')).toThrow(/no template/);
    expect(() => renderReply('../partials/layout', vars, 'en')).toThrow(/not a template name/);
  });

  it('acknowledges a counter-notice as a counter-notice, in English and Chinese, and promises no decision time', () => {
    for (const language of ['en', 'zh']) {
      const counter = renderReply('acknowledgement', { ...vars, kind: 'counter_notice' }, language);
      expect(counter.subject).toMatch(language === 'en' ? /counter-notice/ : /反通知/);
      expect(counter.text).not.toMatch(/every element|材料.*齐全/);
      const notice = renderReply('acknowledgement', { ...vars, kind: 'notice' }, language);
      expect(notice.text).not.toMatch(/one business day|一个工作日/);
    }
  });
});
