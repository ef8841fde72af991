import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a DMCA-style notice; `makeNotice` leaves out any part set to null. */
export interface NoticeParts {
  opening: string | null;
  work: string | null;
  urls: string[];
  goodFaith: string | null;
  accuracyPerjury: string | null;
  contact: string | null;
  signature: string | null;
}

export const NOTICE_PARTS: NoticeParts = {
  opening: 'Dear Sir or Madam,\n\nI am the copyright owner of the photographs described below.',
  work: 'The copyrighted work is my photo series "Harbour Lights", published at https://photos.example.org/harbour-lights.',
  urls: ['https://github.com/copycat/harbour/blob/main/img/lights-01.jpg', 'https://github.com/copycat/harbour/blob/main/img/lights-02.jpg'],
  goodFaith: 'I have a good faith belief that use of the copyrighted materials described above is not authorized by the copyright owner, its agent, or the law.',
  accuracyPerjury: 'I swear, under penalty of perjury, that the information in this notification is accurate and that I am the copyright owner, or am authorized to act on behalf of the owner.',
  contact: 'Email: ana@photos.example.org\nPhone: +34 600 123 456',
  signature: 'Sincerely,\n\nAna Ruiz',
};

export function makeNotice(over: Partial<NoticeParts> = {}): string {
  const p = { ...NOTICE_PARTS, ...over };
  const urls = p.urls.length ? `Please remove the infringing files:\n\n${p.urls.join('\n')}` : null;
  return [p.opening, p.work, urls, p.goodFaith, p.accuracyPerjury, p.contact, p.signature].filter((x): x is string => x !== null).join('\n\n');
}

export const FIXTURES = join(import.meta.dirname, '../../fixtures/notices');
export const CORPUS = join(import.meta.dirname, '../../../../shared/corpus/github-dmca-dev');
export const PLATFORMS_DIR = join(import.meta.dirname, '../../../data/platforms');

/** Fixture text; a leading `Subject:` line becomes the subject, as the mail intake would pass it. */
export function fixture(name: string): { text: string; subject: string | null } {
  const raw = readFileSync(join(FIXTURES, name), 'utf8');
  const m = /^Subject: (.*)\n\n/.exec(raw);
  return m ? { text: raw.slice(m[0].length), subject: m[1]! } : { text: raw, subject: null };
}

/** The files a marketplace complaint's text names ("Attached: certificate...") as they arrive: one attached PDF. */
export function withAttachedFiles<T extends { evidenceFiles: unknown[] }>(complaint: T): T {
  if (complaint.evidenceFiles.length) return complaint;
  return { ...complaint, evidenceFiles: [{ sha256: 'a'.repeat(64), filename: 'documents.pdf', contentType: 'application/pdf', size: 120_000 }] };
}
