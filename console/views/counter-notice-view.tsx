import type { CounterNoticeFormView, FormFieldProblem, FormLanguage } from '../../src/domain/counter-notices/counter-notice-form.js';
import type { CounterNoticeReceipt } from '../../src/domain/counter-notices/file-counter-notice.js';
import { Alert, FieldError, Page } from './layout.js';
import { reportLinkFor } from './report-words.js';

/** Every word of the merchant's pages, in the languages merchants are written in. */
const WORDS = {
  en: {
    title: 'Counter-notice',
    receivedTitle: 'Counter-notice received',
    refusedTitle: 'Counter-notice not filed',
    h1: (n: string) => `Counter-notice for case ${n}`,
    intro: (n: string, platform: string | null) => `After a complaint from a rights owner, we decided under case ${n} that these listings${platform ? ` on ${platform}` : ''} be removed. If you believe a listing was removed by mistake or misidentification, you may file a counter-notice here. No account is needed.`,
    copy: (dmca: boolean) => `Your counter-notice, with your name and contact details, is sent to the person who filed the complaint${dmca ? ', as 17 U.S.C. 512(g) requires' : ''}.`,
    next: (days: number, court: boolean) =>
      court
        ? `A reviewer checks it; once it has both statements and your signature, it is forwarded to the complainant, and ${days} business days after that we ask the platform to restore the listings, unless the complainant has told us they filed a court action against you.`
        : `A reviewer checks it; once it has both statements and your signature, it is forwarded to the rights owner, who then has ${days} business days to answer. Without an answer, we ask the platform to reinstate the listings.`,
    nothing: (n: string) => `No listing of case ${n} is to be removed any more (the complaint was withdrawn or the listings reinstated): there is nothing to contest.`,
    listings: 'The listings this counter-notice is about',
    you: 'Who you are',
    name: 'Your full legal name',
    address: 'Postal address',
    phone: 'Telephone',
    email: 'Email (we answer here)',
    explanation: 'Why the removal was a mistake (optional)',
    statementsH: 'Statements',
    statementsHint: 'A counter-notice needs both statements and your signature. If one is missing, we still register it and write to you with what is missing.',
    signature: 'Signature: type your full legal name',
    submit: 'File the counter-notice',
    required: 'required',
    fix: 'Please correct the fields marked below. Nothing was filed.',
    problems: {
      required: 'Required.',
      email: 'Give an email address we can answer.',
      not_in_case: 'Choose among the listings removed under this case.',
      too_long: 'Too long.',
    } satisfies Record<FormFieldProblem, string>,
    listingsRequired: 'Choose at least one listing.',
    registered: (c: string, n: string) => `Your counter-notice is registered as case ${c}, linked to case ${n}.`,
    again: (c: string, n: string) => `This counter-notice was already registered as case ${c}, linked to case ${n}; nothing new was filed.`,
    notOpened: (ref: string) => `We stored your counter-notice but could not open a case for it yet. Reference: ${ref}`,
    missing: 'It cannot be forwarded to the rights owner until we have the following:',
    complete: 'It has the statements a counter-notice needs. A reviewer checks it and forwards it to the rights owner; we will write to you with the date by which they must answer.',
    mailed: (email: string) => `An email about it is queued for ${email}. Quote the case number in any follow-up.`,
    noResult: 'No counter-notice was sent from this browser in the last hour. If you filed one earlier, its case number is in the acknowledgement email.',
  },
  zh: {
    title: '反通知',
    receivedTitle: '反通知已收到',
    refusedTitle: '反通知未提交',
    h1: (n: string) => `案件 ${n} 的反通知`,
    intro: (n: string, platform: string | null) => `根据权利人的投诉，我们已在案件 ${n} 下决定删除以下${platform ?? ''}商品。如您认为某商品是因错误或误认而被删除，可在此提交反通知，无需注册账号。`,
    copy: (dmca: boolean) => `您的反通知（包括您的姓名和联系方式）将发送给投诉人${dmca ? '，这是美国法典第17编第512(g)条的要求' : ''}。`,
    next: (days: number, court: boolean) =>
      court
        ? `审核人员将审核反通知；包含两项声明及您的签名后，我们会将其转交投诉人。转交 ${days} 个工作日后，除非投诉人告知我们已对您提起诉讼，我们将通知平台恢复商品。`
        : `审核人员将审核反通知；包含两项声明及您的签名后，我们会将其转交权利人，权利人随后有 ${days} 个工作日答复。逾期未答复的，我们将通知平台恢复商品。`,
    nothing: (n: string) => `案件 ${n} 下已没有需删除的商品（投诉已撤回或商品已恢复），无需提交反通知。`,
    listings: '本反通知涉及的商品',
    you: '您的信息',
    name: '您的法定全名',
    address: '通讯地址',
    phone: '电话',
    email: '电子邮箱（我们将回复至此）',
    explanation: '删除为何有误（选填）',
    statementsH: '声明',
    statementsHint: '反通知须包含以下两项声明及您的签名。如有缺漏，我们仍会登记，并写信告知您缺少的内容。',
    signature: '签名：请输入您的法定全名',
    submit: '提交反通知',
    required: '必填',
    fix: '请更正下方标出的字段。尚未提交任何内容。',
    problems: {
      required: '必填。',
      email: '请填写可回复的电子邮箱。',
      not_in_case: '请在本案件下被删除的商品中选择。',
      too_long: '内容过长。',
    } satisfies Record<FormFieldProblem, string>,
    listingsRequired: '请至少选择一个商品。',
    registered: (c: string, n: string) => `您的反通知已登记为案件 ${c}，并关联至案件 ${n}。`,
    again: (c: string, n: string) => `该反通知此前已登记为案件 ${c}（关联案件 ${n}），本次未重复提交。`,
    notOpened: (ref: string) => `我们已保存您的反通知，但暂未能为其建立案件。参考编号：${ref}`,
    missing: '在我们收到以下内容之前，反通知无法转交权利人：',
    complete: '反通知已包含所需的声明。审核人员将审核并转交权利人；我们会写信告知您权利人须答复的期限。',
    mailed: (email: string) => `有关邮件已排队发送至 ${email}。后续联系请注明案件编号。`,
    noResult: '过去一小时内，此浏览器未提交过反通知。如您此前已提交，案件编号见确认邮件。',
  },
} as const;

export function wordsFor(language: FormLanguage) {
  return WORDS[language];
}

/** Link problems are shown before the case (and so its language) is known: in every language. */
export function LinkProblemPage(props: { status: 404 | 410 }) {
  const text =
    props.status === 410
      ? ['This counter-notice link has expired. Write to us quoting the case number from the notice you received.', '此反通知链接已过期。请写信给我们，并注明您收到的通知中的案件编号。']
      : ['This counter-notice link is not valid. Check that you copied the whole link from the notice you received.', '此反通知链接无效。请确认您完整复制了通知中的链接。'];
  return (
    <Page title={props.status === 410 ? 'Link expired · 链接已过期' : 'Link not valid · 链接无效'} user={null} csrf={null}>
      <Alert kind="error">
        <span id="link-problem">{text[0]}</span>
        <br />
        <span lang="zh">{text[1]}</span>
      </Alert>
    </Page>
  );
}

type Values = Record<string, string | string[]>;

function Field(p: { name: string; label: string; v: Values; e: Record<string, string>; required: boolean; type?: string; w: (typeof WORDS)[FormLanguage] }) {
  const value = p.v[p.name];
  return (
    <div class="field">
      <label for={p.name}>{p.label}{p.required ? ' *' : ''}</label>
      <input id={p.name} name={p.name} type={p.type ?? 'text'} value={typeof value === 'string' ? value : ''} aria-invalid={p.e[p.name] ? 'true' : undefined} aria-describedby={p.e[p.name] ? `${p.name}-error` : undefined} />
      <FieldError errors={p.e} name={p.name} />
    </div>
  );
}

/** The form: the case's removed listings to choose from, the merchant's details, the statements, the signature. */
export function CounterNoticePage(props: { view: CounterNoticeFormView; token: string; csrf: string; values: Values; problems: Record<string, FormFieldProblem> }) {
  const { view, values: v } = props;
  const w = WORDS[view.language];
  const e: Record<string, string> = Object.fromEntries(Object.entries(props.problems).map(([k, code]) => [k, k === 'listings' && code === 'required' ? w.listingsRequired : w.problems[code]]));
  // A first visit contests every removed listing; after a refused post, what the merchant chose.
  const chosen = new Set(v.listings === undefined ? view.removed : [v.listings].flat());
  const box = (name: string, label: string) => (
    <div class="field"><label><input type="checkbox" name={name} checked={v[name] === 'on'} /> {label}</label></div>
  );
  return (
    <Page title={w.title} user={null} csrf={null} lang={view.language} reportLink={reportLinkFor(view.language)}>
      <h1>{w.h1(view.caseNumber)}</h1>
      <p>{w.intro(view.caseNumber, view.platformName)}</p>
      {view.removed.length === 0 ? (
        <Alert kind="error"><span id="nothing-removed">{w.nothing(view.caseNumber)}</span></Alert>
      ) : (
        <form method="post" action={`/counter-notice/${props.token}`} class="panel" novalidate>
          <input type="hidden" name="_csrf" value={props.csrf} />
          {Object.keys(e).length ? <Alert kind="error">{w.fix}</Alert> : null}
          <fieldset id="listings">
            <legend>{w.listings} *</legend>
            {view.removed.map((url, i) => (
              <div class="field"><label><input type="checkbox" name="listings" value={url} id={`listing-${i + 1}`} checked={chosen.has(url)} /> <code>{url}</code></label></div>
            ))}
            <FieldError errors={e} name="listings" />
          </fieldset>
          <h2>{w.you}</h2>
          <Field name="name" label={w.name} v={v} e={e} required w={w} />
          <Field name="address" label={w.address} v={v} e={e} required={view.dmca} w={w} />
          <Field name="phone" label={w.phone} v={v} e={e} required={view.dmca} w={w} />
          <Field name="email" label={w.email} type="email" v={v} e={e} required w={w} />
          <div class="field">
            <label for="explanation">{w.explanation}</label>
            <textarea id="explanation" name="explanation" rows={4}>{typeof v.explanation === 'string' ? v.explanation : ''}</textarea>
          </div>
          <h2>{w.statementsH}</h2>
          <p class="muted">{w.statementsHint}</p>
          {box('mistake', view.statements.mistake)}
          {box('jurisdiction', view.statements.jurisdiction)}
          <Field name="signature" label={w.signature} v={v} e={e} required={false} w={w} />
          <p class="muted small">{w.copy(view.dmca)} {w.next(view.procedure.businessDays, view.procedure.complainantMay === 'report_court_action')}</p>
          <button type="submit">{w.submit}</button>
        </form>
      )}
    </Page>
  );
}

/** After filing: what the desk did with it, and nothing else. */
export function ReceiptPage(props: { receipt: CounterNoticeReceipt }) {
  const r = props.receipt;
  const w = WORDS[r.language];
  return (
    <Page title={w.receivedTitle} user={null} csrf={null} lang={r.language} reportLink={reportLinkFor(r.language)}>
      <h1>{w.title}</h1>
      <div class="panel" id="receipt">
        {r.counterNoticeCase === null ? (
          <Alert kind="error">{w.notOpened(r.reference)}</Alert>
        ) : (
          <>
            <Alert kind={r.missing.length ? 'error' : 'ok'}>
              <span id="registered">{r.filedBefore ? w.again(r.counterNoticeCase, r.noticeCase) : w.registered(r.counterNoticeCase, r.noticeCase)}</span>
            </Alert>
            {r.missing.length ? (
              <div id="still-missing">
                <p>{w.missing}</p>
                <ul>{r.missing.map((m) => <li>{m}</li>)}</ul>
              </div>
            ) : (
              <p id="next-step">{w.complete}</p>
            )}
            {r.mailQueued ? <p id="mailed">{w.mailed(r.email)}</p> : null}
          </>
        )}
      </div>
    </Page>
  );
}

export function NoReceiptPage() {
  return (
    <Page title="Counter-notice · 反通知" user={null} csrf={null}>
      <div class="panel" id="no-result">
        <p>{WORDS.en.noResult}</p>
        <p lang="zh">{WORDS.zh.noResult}</p>
      </div>
    </Page>
  );
}
