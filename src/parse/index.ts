export { NoticeInput, NoticeAttachment, NoticeSender, type NoticeInputLike } from './input.js';
export { parseNotice, type ParseOptions } from './parse-notice.js';
export { htmlToText } from './html.js';
export { findUrls, unwrapUrl, urlKey, trimUrl } from './urls.js';
