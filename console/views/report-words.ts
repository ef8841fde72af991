import type { IprType, Reason } from '../../src/domain/schemas/index.js';
import { STATEMENTS } from '../../src/rules/finding-texts.js';
import type { UploadProblem } from '../http/uploads.js';
import type { UrlProblem } from '../http/complaint-input.js';

/** The languages the public form is written in; the complaint is answered in the one it was filed in. */
export const REPORT_LANGUAGES = ['en', 'zh'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** Fields whose value the form checks, each with the sentence that says what to give. */
type Invalid = Record<'platform' | 'iprType' | 'location' | 'reason' | 'listingUrls' | 'description' | 'role' | 'rightsOwner' | 'name' | 'email' | 'goodFaith' | 'accuracy' | 'signature', string>;

/** Every word of the public form, its error pages and its receipt, in the languages the desk writes in. */
export const REPORT_WORDS = {
  en: {
    languageName: 'English',
    switchLabel: 'Language',
    navReport: 'Report form',
    titles: { form: 'Report an infringement', received: 'Complaint received', noResult: 'No complaint from this browser', tooMany: 'Too many submissions', unreadable: 'Form not read', tooLarge: 'Form too large', error: 'Error' },
    h1: 'Report an infringement',
    intro: 'No account needed. Fields marked * are required; you get a case number by email.',
    fix: 'Please correct the fields marked below. Nothing was filed.',
    choose: 'Choose…',
    sections: { what: 'What is infringed', listings: 'Listings', who: 'Who you are', statements: 'Statements' },
    labels: {
      platform: 'Platform',
      iprType: 'Type of right',
      registrationNumber: 'Registration number',
      jurisdiction: 'Issued in (country or office)',
      location: 'Where',
      reason: 'Reason',
      listingUrls: 'Listing URLs, one per line',
      linksCsv: 'Or a CSV of up to 800 links',
      description: 'Why these listings infringe',
      evidence: (types: string) => `Evidence files (≤ 5 MB each: ${types})`,
      role: 'You are',
      authorization: 'Letter of authorization (agents)',
      identity: 'Proof of identity: ID card or passport, or for a company its business licence',
      iprProof: 'Proof of your rights: the registration certificate (or a copyright registration or claim statement)',
      rightsOwner: 'Rights owner',
      name: 'Your name',
      organisation: 'Organisation',
      email: 'Email',
      phone: 'Phone',
      address: 'Postal address',
      disclosureConsent: 'The merchant may see my name, email and phone (default: no).',
      signature: 'Signature (type your full name)',
    },
    hints: {
      registrationNumber: 'Trademark, patent or copyright registration; leave empty for unregistered copyright.',
      jurisdiction: 'For example CN, US, EU, WIPO.',
    },
    iprTypes: { trademark: 'Trademark', copyright: 'Copyright', patent: 'Patent', design: 'Design right' } satisfies Record<IprType, string>,
    reasons: {
      counterfeit: 'Counterfeit',
      trademark_misuse: 'Unauthorized use of the trademark',
      pirated_product: 'Product or packaging pirated',
      unauthorized_content_in_product: 'Product or packaging contains unauthorized copyrighted content',
      image_misuse: 'Image used without authorization on the product page',
      text_misuse: 'Text used without authorization on the product page',
      patent_infringement: 'Patent infringement',
      copyright_infringement: 'Copyright infringement (other)',
      other: 'Other',
    } satisfies Record<Reason, string>,
    locations: { listing: 'Product listing', storefront: 'Storefront' },
    roles: { owner: 'The rights owner (or its staff)', agent: 'An authorized agent' },
    statements: { goodFaith: STATEMENTS.complaintGoodFaith.en as string, accuracy: STATEMENTS.complaintAccuracy.en as string },
    submit: 'Submit complaint',
    invalid: {
      platform: 'Choose the platform.',
      iprType: 'Choose the type of right.',
      location: 'Choose where the infringement is.',
      reason: 'Choose the reason.',
      listingUrls: 'Give at least one listing URL, one per line.',
      description: 'Describe in a sentence or two why the listings infringe.',
      role: 'Say whether you are the rights owner or an agent.',
      rightsOwner: 'Name the rights owner.',
      name: 'Give your name.',
      email: 'Give an email address we can answer.',
      goodFaith: 'Confirm the good-faith statement.',
      accuracy: 'Confirm the statement under penalty of perjury.',
      signature: 'Type your full name as a signature.',
    } satisfies Invalid,
    tooLong: (max: number) => `At most ${max} characters.`,
    unknownPlatform: 'Choose one of the listed platforms.',
    url: (p: UrlProblem) => (p.code === 'not_url' ? `Not a URL (one per line): ${p.url}` : `${p.count} URLs is over the limit of ${p.limit} for ${p.platform ?? 'this platform'}.`),
    upload: (p: UploadProblem) => {
      switch (p.code) {
        case 'type': return `${p.file}: only ${p.allowed.join(', ')} files are accepted.`;
        case 'size': return `${p.file} is ${p.megabytes} MB; the limit is 5 MB per file.`;
        case 'empty': return `${p.file} is empty.`;
        case 'content': return `${p.file} does not contain what a .${p.extension} file should; it may be renamed or damaged.`;
        case 'refused': return `${p.file} was refused: ${p.detail}.`;
      }
    },
    tooManyFiles: (max: number) => `Attach at most ${max} evidence files; put more in a .zip.`,
    agentNeedsAuthorization: 'Agents must attach the rights owner’s letter of authorization.',
    tooManySubmissions: 'Too many submissions from your address. Try again in an hour.',
    unreadable: (why: string) => `The form could not be read (${why}). Nothing was filed; please send it again.`,
    tooLarge: 'The form with its files is too large. Nothing was filed; send fewer or smaller files (at most 5 MB each).',
    failed: (ref: string) => `Something went wrong on our side, and we cannot say whether your complaint was stored. Quote reference ${ref} if you write to us.`,
    received: {
      notOpened: (ref: string) => `We stored your complaint but could not open a case yet; we will email you. Reference: ${ref}`,
      registered: 'Your complaint is registered as case',
      missing: 'A reviewer can act on it once we have the following. Reply to the email we send you, keeping the case number in the subject:',
      more: (n: number) => `…and ${n} more, listed in the email.`,
      complete: 'It has every element we check for and now waits for a reviewer. You will hear from us when it is decided.',
      mailed: (email: string) => `An email about the case is queued for ${email}. Quote the case number in any follow-up.`,
      unread: 'We kept every file, but could not read the text of:',
      whatH: 'What we received',
      when: 'Received at',
      listings: (n: number) => (n === 1 ? '1 listing URL' : `${n} listing URLs`),
      files: 'Files received',
      noFiles: 'none',
      noResult: 'No complaint was sent from this browser in the last hour. If you filed one earlier, its case number is in the acknowledgement email; to report an infringement, use',
      theForm: 'the form',
    },
  },
  zh: {
    languageName: '中文',
    switchLabel: '语言',
    navReport: '投诉表单',
    titles: { form: '投诉侵权', received: '投诉已收到', noResult: '此浏览器未提交投诉', tooMany: '提交次数过多', unreadable: '表单无法读取', tooLarge: '表单过大', error: '出错' },
    h1: '投诉侵权',
    intro: '无需注册账号。带 * 的字段为必填；案件编号将通过电子邮件发送给您。',
    fix: '请更正下方标出的字段。尚未提交任何内容。',
    choose: '请选择…',
    sections: { what: '被侵犯的权利', listings: '商品链接', who: '您的信息', statements: '声明' },
    labels: {
      platform: '平台',
      iprType: '权利类型',
      registrationNumber: '注册号',
      jurisdiction: '授权国家或机构',
      location: '侵权位置',
      reason: '投诉理由',
      listingUrls: '商品链接，每行一个',
      linksCsv: '或上传 CSV 文件（最多 800 个链接）',
      description: '这些商品为何构成侵权',
      evidence: (types: string) => `证据文件（每个不超过 5 MB：${types}）`,
      role: '您的身份',
      authorization: '授权书（代理人须提供）',
      identity: '身份证明：个人提供身份证或护照，公司提供营业执照',
      iprProof: '权利证明：注册证书（或著作权登记证书、权属声明）',
      rightsOwner: '权利人',
      name: '您的姓名',
      organisation: '单位名称',
      email: '电子邮箱',
      phone: '电话',
      address: '通讯地址',
      disclosureConsent: '同意向商家披露我的姓名、电子邮箱和电话（默认不披露）。',
      signature: '签名（请输入您的全名）',
    },
    hints: {
      registrationNumber: '商标、专利或著作权登记号；未登记的著作权可不填。',
      jurisdiction: '例如 CN、US、EU、WIPO。',
    },
    iprTypes: { trademark: '商标', copyright: '著作权', patent: '专利', design: '外观设计' } satisfies Record<IprType, string>,
    reasons: {
      counterfeit: '假冒商品',
      trademark_misuse: '未经授权使用商标',
      pirated_product: '商品或包装盗版',
      unauthorized_content_in_product: '商品或包装含有未经授权的受著作权保护的内容',
      image_misuse: '商品页面未经授权使用图片',
      text_misuse: '商品页面未经授权使用文字',
      patent_infringement: '专利侵权',
      copyright_infringement: '著作权侵权（其他）',
      other: '其他',
    } satisfies Record<Reason, string>,
    locations: { listing: '商品链接', storefront: '店铺' },
    roles: { owner: '权利人（或其员工）', agent: '经授权的代理人' },
    statements: { goodFaith: STATEMENTS.complaintGoodFaith.zh as string, accuracy: STATEMENTS.complaintAccuracy.zh as string },
    submit: '提交投诉',
    invalid: {
      platform: '请选择平台。',
      iprType: '请选择权利类型。',
      location: '请选择侵权位置。',
      reason: '请选择投诉理由。',
      listingUrls: '请至少填写一个商品链接，每行一个。',
      description: '请用一两句话说明这些商品为何构成侵权。',
      role: '请说明您是权利人还是代理人。',
      rightsOwner: '请填写权利人名称。',
      name: '请填写您的姓名。',
      email: '请填写可回复的电子邮箱。',
      goodFaith: '请确认善意声明。',
      accuracy: '请确认愿承担伪证责任的声明。',
      signature: '请输入您的全名作为签名。',
    } satisfies Invalid,
    tooLong: (max: number) => `最多 ${max} 个字符。`,
    unknownPlatform: '请从列出的平台中选择。',
    url: (p: UrlProblem) => (p.code === 'not_url' ? `不是有效链接（每行一个）：${p.url}` : `共 ${p.count} 个链接，超过${p.platform ?? '该平台'}每次最多 ${p.limit} 个的限制。`),
    upload: (p: UploadProblem) => {
      switch (p.code) {
        case 'type': return `${p.file}：只接受 ${p.allowed.join('、')} 文件。`;
        case 'size': return `${p.file} 大小为 ${p.megabytes} MB，每个文件不得超过 5 MB。`;
        case 'empty': return `${p.file} 是空文件。`;
        case 'content': return `${p.file} 的内容与 .${p.extension} 文件不符，可能被改过扩展名或已损坏。`;
        case 'refused': return p.reason === 'markup' ? `${p.file} 被拒绝：文件中含有网页代码。` : `${p.file} 被拒绝：压缩包无法检查或超出限制（文件数量、解压后大小）。`;
      }
    },
    tooManyFiles: (max: number) => `证据文件最多 ${max} 个；更多文件请打包为 .zip。`,
    agentNeedsAuthorization: '代理人必须上传权利人出具的授权书。',
    tooManySubmissions: '来自您地址的提交过多，请一小时后再试。',
    unreadable: (_why: string) => '无法读取表单，尚未提交任何内容。请重新提交。',
    tooLarge: '表单及其文件过大，尚未提交任何内容。请减少文件数量或大小（每个不超过 5 MB）。',
    failed: (ref: string) => `我们这边出现了错误，无法确定您的投诉是否已保存。如需联系我们，请注明参考编号 ${ref}。`,
    received: {
      notOpened: (ref: string) => `我们已保存您的投诉，但暂未能建立案件；我们会通过电子邮件通知您。参考编号：${ref}`,
      registered: '您的投诉已登记，案件编号为',
      missing: '收到以下内容后，审核人员才能处理。请回复我们发给您的邮件，并在主题中保留案件编号：',
      more: (n: number) => `……另有 ${n} 项，详见邮件。`,
      complete: '投诉包含我们核查的全部要素，正在等待审核人员处理。作出决定后我们会通知您。',
      mailed: (email: string) => `有关本案件的邮件已排队发送至 ${email}。后续联系请注明案件编号。`,
      unread: '我们已保存全部文件，但无法读取以下文件的文字：',
      whatH: '我们收到的内容',
      when: '收到时间',
      listings: (n: number) => `${n} 个商品链接`,
      files: '收到的文件',
      noFiles: '无',
      noResult: '过去一小时内，此浏览器未提交过投诉。如您此前已提交，案件编号见确认邮件；如需投诉侵权，请使用',
      theForm: '投诉表单',
    },
  },
} satisfies Record<ReportLanguage, unknown>;

export type ReportWords = (typeof REPORT_WORDS)['en'];

/** The top bar's link to the form on a public page written in `lang` (status page, counter-notice form). */
export function reportLinkFor(lang: ReportLanguage): { label: string; href: string } {
  return { label: REPORT_WORDS[lang].navReport, href: `/report?lang=${lang}` };
}
