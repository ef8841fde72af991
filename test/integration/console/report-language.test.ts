import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCaseByNumber } from '../../../src/store/repos/cases.js';
import { renderReply } from '../../../src/replies/render-reply.js';
import { makeReportForm } from '../../support/report-form.js';
import { openConsole } from './harness.js';

const ZH = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

describe('the public form in Chinese and English', () => {
  let h: Awaited<ReturnType<typeof openConsole>>;
  beforeAll(async () => {
    h = await openConsole({ reportRateLimit: 50 });
  });
  afterAll(() => h.close());
  const post = (path: string, data: FormData, headers: Record<string, string> = {}) => h.request(path, { method: 'POST', headers: { origin: h.origin, ...headers }, body: data });

  it('happy: answers in the browser’s language, and ?lang= overrides it; each page offers the other language', async () => {
    const zh = await h.request('/report', { headers: ZH });
    const html = await zh.text();
    expect(html).toContain('<html lang="zh">');
    expect(titleOf(html)).toBe('投诉侵权 · Noticedesk');
    expect(html).toContain('<link rel="icon" href="/static/favicon.svg"');
    for (const words of ['商品链接，每行一个', '权利类型', '假冒商品', '请选择…', '提交投诉', '本人善意地相信', '投诉表单']) expect(html).toContain(words);
    expect(html).not.toContain('Listing URLs, one per line');
    expect(html).toContain('action="/report?lang=zh"');
    expect(html).toContain('<a href="/report?lang=en" lang="en" hreflang="en">English</a>');
    expect(html).toContain('淘宝（Taobao）');
    expect(zh.headers.get('vary')).toMatch(/accept-language/i);

    const en = await (await h.request('/report?lang=en', { headers: ZH })).text();
    expect(en).toContain('<html lang="en">');
    expect(titleOf(en)).toBe('Report an infringement · Noticedesk');
    expect(en).toContain('Listing URLs, one per line');
    expect(en).toContain('<a href="/report?lang=zh" lang="zh" hreflang="zh">中文</a>');
    expect(await (await h.request('/report')).text()).toContain('<html lang="en">');
    expect(await (await h.request('/report?lang=zh')).text()).toContain('<html lang="zh">');
  });

  it('error: says what is wrong with each field in Chinese, keeping what was typed and the same fields', async () => {
    const res = await post('/report?lang=zh', makeReportForm({ email: 'not-an-email', goodFaith: null, listingUrls: 'not a url', role: 'agent', rightsOwner: '蓝灯玩具有限公司' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<html lang="zh">');
    for (const words of ['请更正下方标出的字段。尚未提交任何内容。', '请填写可回复的电子邮箱。', '请确认善意声明。', '不是有效链接（每行一个）：not a url', '代理人必须上传权利人出具的授权书。']) expect(html).toContain(words);
    for (const english of ['Give an email address', 'Confirm the good-faith', 'Not a URL', 'Agents must attach']) expect(html).not.toContain(english);
    expect(html).toContain('蓝灯玩具有限公司');
    const fields = (page: string) => [...page.matchAll(/ name="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(fields(html)).toEqual(fields(await (await h.request('/report?lang=en')).text()));

    const upload = await post('/report?lang=zh', makeReportForm({ evidence: new File(['<script>alert(1)</script>'], 'photo.png', { type: 'image/png' }) }));
    expect(await upload.text()).toContain('photo.png 的内容与 .png 文件不符');
  });

  it('happy: a complaint filed in Chinese gets a Chinese receipt, a Chinese case and a Chinese mail', async () => {
    const posted = await post('/report?lang=zh', makeReportForm({ description: '这些商品使用我们的注册商标销售假冒的蓝灯玩具，图片和包装都是仿制的。' }));
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/report/received');
    const receipt = await h.follow(posted);
    const html = await receipt.text();
    expect(html).toContain('<html lang="zh">');
    expect(titleOf(html)).toBe('投诉已收到 · Noticedesk');
    expect(html).toContain('您的投诉已登记，案件编号为');
    const number = /id="case-number">(ND-\d{4}-\d{6})</.exec(html)![1]!;
    expect(html).toContain('有关本案件的邮件已排队发送至 jane@bluelantern.example');
    expect(html).toContain('<h1>投诉已收到</h1>');
    expect(html).not.toContain('无需注册账号');
    expect(html).toMatch(/<dt>商品链接<\/dt><dd>2 个商品链接<\/dd>/);
    expect(html).toMatch(/<dt>收到的文件<\/dt><dd>certificate\.pdf<\/dd>/);
    // What is missing, from the one vocabulary, in Chinese.
    const missing = /<div id="still-missing">([\s\S]*?)<\/div>/.exec(html)![1]!;
    expect(missing).toMatch(/身份/);
    expect(missing).not.toMatch(/[a-z]{4,} [a-z]{4,}/i);
    // The sample PDF has no readable text: the receipt names the file, in Chinese.
    expect(html).toMatch(/无法读取以下文件的文字：\s*certificate\.pdf</);
    expect(html).not.toContain('PDF text could not be read');

    const c = await findCaseByNumber(h.db, number);
    expect(c?.complaint.language).toBe('zh');
    const mails = await h.db.selectFrom('outbox').selectAll().where('case_id', '=', c!.id).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.language).toBe('zh');
    const mail = renderReply(mails[0]!.template!, JSON.parse(mails[0]!.vars), mails[0]!.language);
    expect(mail.subject).toContain(number);
    expect(mail.subject).toMatch(/[\u4e00-\u9fff]/);
    expect(mail.text).toContain('您好');

    // The reader may switch the receipt's language; the case is the same.
    const cookie = posted.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
    const en = await (await h.request('/report/received?lang=en', { headers: { cookie } })).text();
    expect(en).toContain(`Your complaint is registered as case <b id="case-number">${number}</b>.`);
    expect(en).toMatch(/proof of identity/i);
    expect(titleOf(en)).toBe('Complaint received · Noticedesk');
  });

  it('happy: a complaint filed in English is answered in English, even with a Chinese description', async () => {
    const posted = await post('/report?lang=en', makeReportForm({ description: '这些商品使用我们的注册商标销售假冒的蓝灯玩具，图片和包装都是仿制的。' }), ZH);
    const html = await (await h.follow(posted)).text();
    expect(html).toContain('<html lang="en">');
    const number = /id="case-number">(ND-\d{4}-\d{6})</.exec(html)![1]!;
    const c = await findCaseByNumber(h.db, number);
    expect(c?.complaint.language).toBe('en');
    const mail = await h.db.selectFrom('outbox').select('language').where('case_id', '=', c!.id).executeTakeFirstOrThrow();
    expect(mail.language).toBe('en');
  });

  it('error: the pages for no receipt, an unreadable form and a form too large are in the reader’s language', async () => {
    const none = await h.request('/report/received', { headers: ZH });
    expect(none.status).toBe(404);
    const noneHtml = await none.text();
    expect(noneHtml).toContain('过去一小时内，此浏览器未提交过投诉。');
    expect(titleOf(noneHtml)).toBe('此浏览器未提交投诉 · Noticedesk');

    const unreadable = await h.request('/report?lang=zh', { method: 'POST', headers: { origin: h.origin, 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\n\r\nno headers\r\n--x--\r\n' });
    expect(unreadable.status).toBe(400);
    const unreadableHtml = await unreadable.text();
    expect(unreadableHtml).toContain('无法读取表单，尚未提交任何内容。');
    expect(titleOf(unreadableHtml)).toBe('表单无法读取 · Noticedesk');

    const big = await h.request('/report?lang=zh', { method: 'POST', headers: { origin: h.origin, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * 1024 * 1024) }, body: '--x--\r\n' });
    expect(big.status).toBe(413);
    const bigHtml = await big.text();
    expect(bigHtml).toContain('表单及其文件过大，尚未提交任何内容。');
    expect(titleOf(bigHtml)).toBe('表单过大 · Noticedesk');
    const bigEn = await h.request('/report', { method: 'POST', headers: { origin: h.origin, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * 1024 * 1024) }, body: '--x--\r\n' });
    expect(await bigEn.text()).toContain('The form with its files is too large. Nothing was filed');
  });

  it('error: too many submissions is said in the form’s language', async () => {
    const limited = await openConsole({ reportRateLimit: 1 });
    try {
      await limited.request('/report?lang=zh', { method: 'POST', headers: { origin: limited.origin }, body: makeReportForm() });
      const res = await limited.request('/report?lang=zh', { method: 'POST', headers: { origin: limited.origin }, body: makeReportForm() });
      expect(res.status).toBe(429);
      const html = await res.text();
      expect(html).toContain('来自您地址的提交过多，请一小时后再试。');
      expect(titleOf(html)).toBe('提交次数过多 · Noticedesk');
    } finally {
      await limited.close();
    }
  });
});
