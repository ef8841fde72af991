export { PlatformProfile, JurisdictionRule, RedirectChannel, RequiredDocuments } from './platform-profile.js';
export { classifyUrl, type UrlClass } from './classify-url.js';
export { checkComplaint, type CheckContext } from './check-complaint.js';
export { CheckResult, Elements, CounterElements, Element } from './check-result.js';
export { noticeElements, counterElements } from './elements.js';
