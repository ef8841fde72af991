/**
 * What every finding asks of the sender, in each language the desk writes in:
 * the one vocabulary of these sentences (the statutory ones included). The
 * English sentence is the finding's `message`; the others travel with it in
 * `messages` so a reply in the case's language never mixes languages.
 */
export type Vars = Record<string, string | number>;
type Say = (v: Vars) => { en: string; zh: string };


/** The statutory statements, as a sender may copy them. */
export const STATEMENTS = {
  goodFaith: {
    en: 'I have a good faith belief that use of the material in the manner complained of is not authorized by the copyright owner, its agent, or the law.',
    zh: '本人善意地相信，被投诉材料的使用方式未经版权所有人、其代理人或法律授权。',
  },
  accuracyPerjury: {
    en: 'The information in this notification is accurate, and under penalty of perjury, I am the owner, or authorized to act on behalf of the owner, of the right that is allegedly infringed.',
    zh: '本通知中的信息准确无误；本人愿承担伪证责任，确认本人是被侵犯权利的所有人或经所有人授权代其行事。',
  },
  /** The same statements for any right, as the online form and the Slack filing write them into a complaint. */
  complaintGoodFaith: {
    en: 'I have a good faith belief that use of the material in the manner complained of is not authorized by the rights owner, its agent, or the law.',
    zh: '本人善意地相信，被投诉材料的使用方式未经权利人、其代理人或法律授权。',
  },
  complaintAccuracy: {
    en: 'The information in this notification is accurate, and under penalty of perjury, I am authorized to act on behalf of the owner of the right that is allegedly infringed.',
    zh: '本通知中的信息准确无误；本人愿承担伪证责任，确认本人经被侵犯权利的所有人授权代其行事。',
  },
  mistake: {
    en: 'I swear, under penalty of perjury, that I have a good faith belief that the material was removed or disabled as a result of a mistake or misidentification.',
    zh: '本人愿承担伪证责任，并善意地相信该材料是因错误或误认而被删除或屏蔽。',
  },
  /** Counter-notice, DMCA 512(g)(3)(D): consent to jurisdiction and acceptance of service. */
  counterJurisdiction: {
    en: 'I consent to the jurisdiction of the Federal District Court for the judicial district in which my address is located, or, if my address is outside the United States, for any judicial district in which the service provider may be found, and I will accept service of process from the person who provided the notification or an agent of such person.',
    zh: '本人同意接受本人地址所在司法辖区的联邦地区法院的管辖；如本人地址在美国境外，则同意接受服务提供者所在的任一司法辖区的联邦地区法院的管辖；本人并同意接受通知提交人或其代理人送达的法律文书。',
  },
  /** The same consent where the platform's terms, not the DMCA, name the court. */
  counterJurisdictionTerms: {
    en: "I consent to the jurisdiction of the court named in the platform's terms for disputes about this listing, and I will accept service of process from the person who filed the complaint or their agent.",
    zh: '本人同意接受平台规则为有关本商品的争议所指定的法院的管辖，并同意接受投诉人或其代理人送达的法律文书。',
  },
} as const;

export const FINDING_TEXTS: Record<string, Say> = {
  'dmca.signature.missing': () => ({
    en: 'Please sign the notice: type your full legal name under the statements, or add "/s/ Your Name".',
    zh: '请在通知上签名：在声明下方写上您的法定全名，或加上“/s/ 您的姓名”。',
  }),
  'dmca.work.missing': () => ({
    en: 'Please identify the copyrighted work you own: its title or a description, and a link to the original if it is online.',
    zh: '请说明您享有版权的作品：作品名称或描述；如原作品在网上，请附上链接。',
  }),
  'dmca.material.missing': () => ({
    en: 'Please list the URL of each infringing page or file, one per line.',
    zh: '请列出每个侵权页面或文件的网址，每行一个。',
  }),
  'dmca.contact.missing': () => ({
    en: 'Please give your postal address, telephone number and email address so we can contact you.',
    zh: '请提供您的通讯地址、电话号码和电子邮箱，以便我们与您联系。',
  }),
  'dmca.good_faith.missing': () => ({
    en: `Please add the statement: "${STATEMENTS.goodFaith.en}"`,
    zh: `请加上以下声明：“${STATEMENTS.goodFaith.zh}”`,
  }),
  'dmca.accuracy_perjury.missing': () => ({
    en: `Please add the statement: "${STATEMENTS.accuracyPerjury.en}"`,
    zh: `请加上以下声明：“${STATEMENTS.accuracyPerjury.zh}”`,
  }),
  'counter.signature.missing': () => ({ en: 'Please sign the counter-notice with your full legal name.', zh: '请用您的法定全名在反通知上签名。' }),
  'counter.material.missing': () => ({
    en: 'Please give the URL of each file or repository that was removed or disabled.',
    zh: '请提供每个被删除或屏蔽的文件或仓库的网址。',
  }),
  'counter.mistake.missing': () => ({ en: `Please add the statement: "${STATEMENTS.mistake.en}"`, zh: `请加上以下声明：“${STATEMENTS.mistake.zh}”` }),
  'counter.jurisdiction.missing': () => ({
    en: 'Please add your consent to the jurisdiction of the Federal District Court for your address (or the court named in our policy if you are outside the United States) and that you will accept service of process from the complainant.',
    zh: '请声明您同意接受您所在地联邦地区法院的管辖（如您在美国境外，则为我们政策中指定的法院），并同意接受投诉人送达的法律文书。',
  }),
  'counter.contact.missing': () => ({ en: 'Please give your name, postal address and telephone number.', zh: '请提供您的姓名、通讯地址和电话号码。' }),
  'platform.unknown': () => ({
    en: 'Please tell us on which platform (marketplace or website) the listings are, and send the URL of each infringing listing, one per line.',
    zh: '请告诉我们商品位于哪个平台（电商平台或网站），并提供每个侵权商品的链接，每行一个。',
  }),
  'ipr.type.missing': () => ({ en: 'Please say which right you rely on: trademark, copyright or patent.', zh: '请说明您依据的权利类型：商标、著作权或专利。' }),
  'ipr.record.missing': (v) => ({
    en: `Please give the registration number and issuing office of each ${v.right} you rely on.`,
    zh: `请提供您所依据的每项${v.rightZh}的注册号及颁发机构。`,
  }),
  'ipr.expired': (v) => ({
    en: `${v.number} expired on ${v.date}. Please send the renewal certificate, or rely on a right that is in force.`,
    zh: `${v.numberZh}已于 ${v.date} 到期。请提供续展证明，或依据仍然有效的权利。`,
  }),
  'jurisdiction.not_accepted': (v) => ({
    en: `${v.platform} accepts ${v.right}s registered in ${v.need}; ${v.number} is registered in ${v.jurisdiction}. Please rely on a registration there.${v.wipo ? ' For an international (WIPO) registration, send proof that it designates that country.' : ''}`,
    zh: `${v.platform}只受理在${v.needZh}注册的${v.rightZh}；${v.numberZh}的注册地为 ${v.jurisdiction}。请依据在上述地区的注册。${v.wipo ? '如为国际（WIPO）注册，请提供其指定该国家的证明。' : ''}`,
  }),
  'patent.evaluation_report.missing': (v) => ({
    en: `${v.number} is a ${v.kind} patent: please attach its Patent Evaluation Report (专利权评价报告) issued by CNIPA. A claim chart comparing the listing with the claims is also recommended.`,
    zh: `${v.numberZh}为${v.kind === 'design' ? '外观设计' : '实用新型'}专利：请附上国家知识产权局出具的专利权评价报告。建议同时提供商品与权利要求的比对表。`,
  }),
  'patent.claim_chart.recommended': () => ({
    en: 'A claim chart comparing the listed product with the patent claims is recommended and speeds up review.',
    zh: '建议提供商品与专利权利要求的比对表，可加快审核。',
  }),
  'reason.unauthorized_sale': () => ({
    en: 'Selling without authorization is not by itself an infringement (the goods may be genuine). Please explain why the goods are counterfeit or how the listing infringes, with comparison photos or a test purchase.',
    zh: '未经授权销售本身并不构成侵权（商品可能是正品）。请说明商品为何是假冒品或商品如何侵权，并附上对比照片或试买证据。',
  }),
  'proof.identity.missing': () => ({
    en: "Please attach proof of identity: a copy of your ID card, passport or driver's license, or for a company its business registration certificate or license.",
    zh: '请附上身份证明：身份证、护照或驾驶证的复印件；如为公司，请提供营业执照。',
  }),
  'proof.ipr.filing_receipt': () => ({
    en: 'A filing receipt for a pending application does not prove ownership. Please attach the registration certificate issued by the authority (with its seal) once the right is registered.',
    zh: '申请受理通知书不能证明权利归属。请在权利注册后附上主管机关颁发（盖章）的注册证书。',
  }),
  'proof.ipr.missing': (v) => ({
    en: `Please attach proof of your rights: ${v.copyright ? 'the copyright registration certificate or, for an unregistered work, a signed Copyright Claim Statement' : "the registration certificate of each trademark or patent you rely on, bearing the authority's seal"}.`,
    zh: `请附上权利证明：${v.copyright ? '著作权登记证书；未登记的作品请提供签署的著作权权属声明' : '您所依据的每项商标或专利的注册证书（需有主管机关盖章）'}。`,
  }),
  'authorization.missing': (v) => ({
    en: `You write on behalf of ${v.owner || 'the rights owner'}: please attach a letter of authorization or power of attorney signed or sealed by the owner that allows you to file IPR complaints.`,
    zh: `您代表${v.owner || '权利人'}投诉：请附上由权利人签字或盖章、授权您提起知识产权投诉的授权书或委托书。`,
  }),
  'authorization.expired': (v) => ({
    en: `The letter of authorization expired on ${v.date}. Please send a current letter of authorization from the rights owner.`,
    zh: `授权书已于 ${v.date} 到期。请提供权利人出具的有效授权书。`,
  }),
  'proof.identity.expired': (v) => ({
    en: `The identity document expired on ${v.date}. Please send a valid one.`,
    zh: `身份证明文件已于 ${v.date} 到期。请提供有效的证件。`,
  }),
  'evidence.file_too_large': (v) => ({
    en: `${v.name} is ${v.size}; files may be at most ${v.max}. Please compress or split it.`,
    zh: `${v.name} 大小为 ${v.size}，文件不得超过 ${v.max}。请压缩或拆分后再发送。`,
  }),
  'evidence.file_type': (v) => ({
    en: `${v.name} is not an accepted file type. Please send it as one of: ${v.types}.`,
    zh: `${v.name} 的文件类型不被接受。请使用以下格式之一：${v.types}。`,
  }),
  'url.role_unsure': (v) => ({
    en: `Please confirm whether ${v.count === 1 ? 'this URL is' : 'these URLs are'} to be removed: ${v.urls}.`,
    zh: `请确认是否要求删除以下链接：${v.urls}。`,
  }),
  'url.none': (v) => ({ en: `Please list the ${v.platform} listing URLs you want removed, one per line.`, zh: `请列出您要求删除的${v.platform}商品链接，每行一个。` }),
  'url.redirect_channel': (v) => ({
    en: `${v.urls} ${v.count === 1 ? 'belongs' : 'belong'} to ${v.company}, a separate company that we cannot act for. Please send the complaint about ${v.count === 1 ? 'this listing' : 'these listings'} to ${v.channel}.`,
    zh: `${v.urls} 属于${v.company}，这是一家独立的公司，我们无法代其处理。请将有关${v.count === 1 ? '该商品' : '这些商品'}的投诉发送至 ${v.channel}。`,
  }),
  'url.wrong_platform': (v) => ({
    en: `These URLs are not ${v.platform} pages: ${v.urls}. We can only remove ${v.platform} listings: please send the URL of each infringing ${v.platform} product page (${v.domains}), one per line. For listings on another website, please complain to that website.`,
    zh: `以下链接不是${v.platform}的页面：${v.urls}。我们只能删除${v.platform}上的商品：请提供每个侵权${v.platform}商品页面的链接（${v.domains}），每行一个。其他网站上的商品请向该网站投诉。`,
  }),
  'url.search_page': (v) => ({
    en: `These are search-results pages, not listings: ${v.urls}. Please open each infringing product and send its own listing URL.`,
    zh: `以下是搜索结果页面，而非商品页面：${v.urls}。请打开每个侵权商品，并提供其商品链接。`,
  }),
  'url.not_listing': (v) => ({
    en: `These URLs do not point to a specific listing: ${v.urls}. Please send the URL of each product page.`,
    zh: `以下链接未指向具体商品：${v.urls}。请提供每个商品页面的链接。`,
  }),
  'url.storefront_by_email': (v) => ({
    en: `Storefront complaints about ${v.platform} merchants go by email: please send ${v.urls} with your evidence to ${v.email}.`,
    zh: `针对${v.platform}店铺的投诉须通过电子邮件提交：请将 ${v.urls} 连同证据发送至 ${v.email}。`,
  }),
  'url.over_limit': (v) => ({
    en: `The complaint lists ${v.count} URLs; ${v.platform} takes at most ${v.limit} per complaint (${v.bulk} with the bulk spreadsheet). Please split it or use the spreadsheet.`,
    zh: `本投诉列出了 ${v.count} 个链接；${v.platform}每次投诉最多受理 ${v.limit} 个（使用批量表格最多 ${v.bulk} 个）。请拆分投诉或使用批量表格。`,
  }),
};

/** The sentence of a finding in every language: English as the message, the others beside it. */
export function say(code: string, vars: Vars = {}): { message: string; messages: Record<string, string> } {
  const text = FINDING_TEXTS[code];
  if (!text) throw new Error(`no wording for finding ${code}`);
  const { en, zh } = text(vars);
  return { message: en, messages: { zh } };
}
