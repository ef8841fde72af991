import type { Complaint, DocumentMention, IprRecord, Listing, Statement, Statements, UrlRoleDecision } from '../domain/schemas/complaint.js';
import type { PlatformProfile } from '../rules/platform-profile.js';
import { toListing } from '../rules/classify-url.js';
import { findDocuments } from './documents.js';
import { htmlToText } from './html.js';
import { NoticeInput, type NoticeInputLike } from './input.js';
import { capInput } from './limits.js';
import { findIprType, findIprs, findReason } from './ipr.js';
import { findElementHints } from './element-hints.js';
import { detectKind } from './kind.js';
import { detectLanguage } from './language.js';
import { maskPrompts } from './mask.js';
import { decideOwner } from './owner.js';
import { ownerSentenceCandidates } from './owner-sentences.js';
import { decideAgency } from './agency.js';
import { addressOrganisation, claimsWork, findComplainant, signOffOrganisation } from './parties.js';
import { detectPlatform } from './platform.js';
import { preambleEnd, splitSections } from './sections.js';
import { findSignature } from './signature.js';
import { spanOf, type SourceText } from './span.js';
import { findStatements } from './statements.js';
import { decideUrls } from './targets.js';
import { urlReasonText } from './url-reasons.js';
import { findUrls, hostOf, urlKey } from './urls.js';
import { findMaterialReferences, readWork, type WorkReading } from './work.js';
import { hasWord } from './words.js';
import { findDisclosureConsent } from './consent.js';
import { CONTACT_CONFIDENT, contactConfidence, findContactBlock } from './contact.js';
import { findRedactedContact } from './redacted-contact.js';

export interface ParseOptions {
  /** Profiles used to classify URLs and pick the platform; without them no URL belongs to a platform. */
  platforms?: readonly PlatformProfile[];
}

const CASE_NO = /\bND-\d{4}-\d{6,}\b/;

/** One text the parser reads (the body, or an attachment's extracted text) with everything derived from it. */
function readSource(src: SourceText, platforms: readonly PlatformProfile[], senderDomains: string[]) {
  const sections = splitSections(src.text);
  const pre = preambleEnd(src.text);
  const masked: SourceText = { source: src.source, text: maskPrompts(src.text, sections, pre) };
  const decisions = decideUrls(findUrls(src), { text: src.text, sections, preambleEnd: pre, platforms, senderDomains });
  return { src, sections, masked, decisions };
}

function bodyText(input: NoticeInput): string {
  const text = input.text.replace(/\r\n?/g, '\n');
  if (!input.html) return text;
  const fromHtml = htmlToText(input.html);
  if (!text.trim()) return fromHtml;
  // Keep the plain part unless the HTML part carries links the plain part lost.
  const plainKeys = new Set(findUrls({ source: 'body', text }).map((h) => urlKey(h.url)));
  const htmlOnly = findUrls({ source: 'body', text: fromHtml }).filter((h) => !plainKeys.has(urlKey(h.url)));
  return htmlOnly.length > 0 ? fromHtml : text;
}

/** "The copyrighted work is the Acme Android app" from a sender whose contact block is Acme USA's: the work carries the company's name. */
function workNamesOrg(work: string | null, org: string | null): boolean {
  const head = org?.split(/\s+/)[0] ?? '';
  if (!work || head.length < 3 || !/^\p{Lu}/u.test(head)) return false;
  return hasWord(work, head);
}

/** The first reading of the texts in order that `found` accepts, made text by text until one is: the texts after it are not read. */
function firstOf<P, T>(parts: readonly P[], read: (p: P) => T, found: (t: T) => boolean): T | undefined {
  for (const p of parts) {
    const t = read(p);
    if (found(t)) return t;
  }
  return undefined;
}

/** A weak reading of the work joins the work's traces, so the policy asks a reviewer rather than the sender. */
function withWeakWork(hints: Record<string, string[]>, weak: WorkReading | null): Record<string, string[]> {
  if (!weak) return hints;
  return { ...hints, work_identified: [`weak_reading:${weak.generator}`, ...(hints.work_identified ?? [])] };
}

const platformDomains = (platforms: readonly PlatformProfile[]): string[] => platforms.flatMap((p) => p.domains.map((d) => d.toLowerCase()));

const firstPresent = (list: Statement[]): Statement => list.find((s) => s.present) ?? { present: false, evidence: null };

/** Reads a notice, counter-notice, retraction or reply into a candidate complaint. Pure: no I/O. */
export function parseNotice(raw: NoticeInputLike, options: ParseOptions = {}): Complaint {
  const input = capInput(NoticeInput.parse(raw));
  const platforms = options.platforms ?? [];
  const fromDomain = input.from?.address ? hostOf(`https://${input.from.address.split('@')[1] ?? ''}`) : null;
  const senderDomains = fromDomain && !/^(gmail|outlook|hotmail|yahoo|qq|163|126|icloud|proton(mail)?|live|aol|foxmail|sina)\./.test(fromDomain) ? [fromDomain] : [];
  const body = readSource({ source: 'body', text: bodyText(input) }, platforms, senderDomains);
  const attachments = input.attachments
    .filter((a) => a.text && a.text.trim())
    .map((a) => readSource({ source: `attachment:${a.filename ?? a.sha256.slice(0, 12)}`, text: a.text!.replace(/\r\n?/g, '\n') }, platforms, senderDomains));
  const all = [body, ...attachments];

  const listings: Listing[] = [];
  const seen = new Set<string>();
  const originals: string[] = [];
  const urlRoles = new Map<string, UrlRoleDecision>();
  for (const part of all) {
    for (const d of part.decisions) {
      const key = urlKey(d.hit.url);
      const known = urlRoles.get(key);
      // A URL named twice keeps its takedown role, else its most certain one.
      if (!known || (known.role !== 'infringing' && (d.role === 'infringing' || d.confidence > known.confidence))) {
        urlRoles.set(key, { url: d.hit.url, role: d.role, reason: d.reason, because: urlReasonText(d.reason, d.section ?? undefined), confidence: d.confidence, evidence: spanOf(part.src, d.hit.start, d.hit.end) });
      }
      if (d.role === 'original' && !originals.includes(d.hit.url)) originals.push(d.hit.url);
      if (d.role !== 'infringing' || seen.has(key)) continue;
      seen.add(key);
      listings.push(toListing(d.hit.url, d.cls, spanOf(part.src, d.hit.start, d.hit.end)));
    }
  }

  const maskedAll = all.map((p) => p.masked.text).join('\n\n');
  const caseMatch = CASE_NO.exec(`${input.subject ?? ''}\n${body.src.text}`);
  const referencedCase = caseMatch ? caseMatch[0] : null;
  const kind = detectKind({
    text: body.masked.text.trim() ? body.masked.text : maskedAll,
    subject: input.subject, fromName: input.from?.name ?? null, fromAddress: input.from?.address ?? null,
    headers: input.headers, referencedCase, urlCount: listings.length,
  });
  if (kind === 'counter_notice' || kind === 'retraction') {
    // In a counter-notice or retraction the sender's "own content" URLs are the disabled material itself.
    for (const part of all) {
      for (const d of part.decisions) {
        const key = urlKey(d.hit.url);
        if (d.role !== 'original' || seen.has(key) || !d.cls.platform || d.cls.kind === 'other_site') continue;
        seen.add(key);
        const r = urlRoles.get(key);
        if (r) urlRoles.set(key, { ...r, role: 'infringing' });
        listings.push(toListing(d.hit.url, d.cls, spanOf(part.src, d.hit.start, d.hit.end)));
      }
    }
  }
  const isResponse = kind === 'counter_notice' || kind === 'retraction';

  const stmts = all.map((p) => findStatements(p.masked));
  const statements: Statements = {
    goodFaith: firstPresent(stmts.map((s) => s.goodFaith)),
    accuracy: firstPresent(stmts.map((s) => s.accuracy)),
    perjury: firstPresent(stmts.map((s) => s.perjury)),
    mistake: firstPresent(stmts.map((s) => s.mistake)),
    jurisdictionConsent: firstPresent(stmts.map((s) => s.jurisdictionConsent)),
  };
  const signature = firstOf(all, (p) => findSignature(p.masked, p.sections), (s) => !!s) ?? null;
  const parties = all.map((p) => findComplainant(p.masked, p.sections, null));
  const contact = parties.find((p) => p.contactGiven) ?? parties[0]!;
  const complainant = { ...contact.party };
  if (input.from?.address && !complainant.email) complainant.email = input.from.address;
  if (input.from?.name && !complainant.name) complainant.name = input.from.name;
  // Owner candidates from the first text that names one; the strongest tells the agency reading whose staff the sender may be.
  const sentences = firstOf(all, (p) => ownerSentenceCandidates(p.masked, kind === 'counter_notice'), (c) => c.length > 0) ?? [];
  // A title's organisation is left out: "Legal Representative of X" must not make X the owner the sender works for.
  const named = sentences.filter((c) => c.generator !== 'owner.staff_of').sort((a, b) => b.weight - a.weight || a.at - b.at);
  const provisional = named[0]?.name ?? null;
  // The sender's own organisation (sign-off company line, or the name heading the contact address).
  // No labelled contact field: the contact block in the sender's own words ("My contact details:" and the value under it).
  // Also where the labelled reading is unsure (the platform's own mailbox alone, a sentence taken for an address).
  const domains = platformDomains(platforms);
  const platformWords = [...domains, ...platforms.flatMap((p) => [p.name, ...p.aliases].map((w) => w.toLowerCase()))];
  const partyScore = contactConfidence(complainant, null, domains);
  const block = partyScore >= CONTACT_CONFIDENT ? null : firstOf(all, (p) => findContactBlock(p.masked, p.sections, platformWords) ?? findRedactedContact(p.masked, p.sections), (b) => !!b) ?? null;
  const ownOrg = signOffOrganisation(body.masked, body.sections, complainant.organisation ?? null) ?? addressOrganisation(complainant.address ?? null);
  const agencyOpts = { kind, owner: provisional, ownOrg };
  // When no text decides, the body's reading stands: it is made once.
  const bodyAgency = decideAgency(body.masked, agencyOpts);
  const agency = bodyAgency.isAgent !== null ? bodyAgency : firstOf(attachments, (p) => decideAgency(p.masked, agencyOpts), (a) => a.isAgent !== null) ?? bodyAgency;
  // Read against the copies to take down, so that a form answer listing only those names no work.
  const targetKeys = new Set(listings.map((l) => urlKey(l.url)));
  const workReadings = all.map((p) => () => readWork(p.masked, p.sections, targetKeys));
  const work = firstOf(workReadings, (read) => read().work, (w) => !!w) ?? null;
  // The best reading below the threshold is a trace of the work: its absence is then a question for a reviewer.
  const weakWork: WorkReading | null = work ? null : (workReadings[0]?.().weak ?? null);
  const owner = decideOwner({
    src: body.masked, kind, sentences, isAgent: agency.isAgent, ownOrg,
    ownOrgEvidence: contact.evidence ?? agency.evidence ?? spanOf(body.src, 0, 0),
    claimsOwnWork: claimsWork(body.masked, ownOrg) || workNamesOrg(work?.text ?? null, ownOrg),
  });

  const iprs: IprRecord[] = all.flatMap((p) => findIprs(p.masked));
  const documents: DocumentMention[] = [
    ...findDocuments(body.masked, 'text'),
    ...input.attachments.flatMap((a) => {
      const name = a.filename ?? '';
      const src: SourceText = { source: `attachment:${a.filename ?? a.sha256.slice(0, 12)}`, text: a.text ?? '' };
      return findDocuments(src, 'attachment', name);
    }),
  ];
  const platform = detectPlatform({ hint: input.platformHint, text: maskedAll, listings, platforms });
  const storefronts = listings.filter((l) => l.kind === 'storefront').length;
  const language = detectLanguage(maskedAll);

  const complainantRead = block ? { ...complainant, address: block.value } : complainant;
  const contactScore = contactConfidence(complainantRead, block, domains);
  const elementHints = findElementHints(maskedAll);
  // Details read but not trusted: a trace of the element, so its absence is a reviewer's question.
  if (contactScore > 0 && contactScore < CONTACT_CONFIDENT) (elementHints.contact_info ??= []).push('weak_reading');

  return {
    kind,
    language,
    subject: input.subject,
    complainant: complainantRead,
    complainantEvidence: block ? block.evidence : contact.evidence,
    contactConfidence: contactScore,
    rightsOwner: owner.name,
    rightsOwnerEvidence: owner.name ? owner.evidence : null,
    rightsOwnerConfidence: owner.confidence,
    isAgent: agency.isAgent,
    agentConfidence: agency.confidence,
    agentEvidence: agency.evidence,
    iprType: findIprType(maskedAll),
    iprs,
    platform,
    location: listings.length === 0 ? null : storefronts > listings.length / 2 ? 'storefront' : 'listing',
    reason: kind === 'notice' ? findReason(maskedAll) : null,
    workDescription: work?.text ?? null,
    workEvidence: work?.evidence ?? null,
    listings,
    originalWorkUrls: originals,
    urlRoles: [...urlRoles.values()],
    statements,
    signature: signature?.name ?? null,
    signatureEvidence: signature?.evidence ?? null,
    ...(signature ? { signatureConfidence: signature.score } : {}),
    documents,
    evidenceFiles: input.attachments.map((a) => ({ sha256: a.sha256, filename: a.filename, contentType: a.contentType, size: a.size })),
    disclosureConsent: findDisclosureConsent(maskedAll),
    referencedCase,
    materialReferences: all.flatMap((p) => findMaterialReferences(p.masked.text, p.sections)),
    elementHints: withWeakWork(elementHints, weakWork),
  };
}
