import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';

// Readings taken from the first text that has them: the body, else the attachments in order.
const attachment = (filename: string, text: string) => ({ filename, contentType: 'text/plain', size: text.length, sha256: filename.padEnd(64, '0'), text });
const LETTER = [
  'We represent Acme Software Inc., the copyright owner of the Acme Engine source code.',
  'The repository https://github.com/copycat/engine copies it without permission.',
  'I have a good faith belief that this use is not authorized, and under penalty of perjury the information is accurate.',
  '',
  'Sincerely,',
  '/s/ Jane Roe',
].join('\n');

describe('readings from the body and the attachments', () => {
  it('takes owner, agent, signature and work from an attachment when the body names none', () => {
    const c = parseNotice({ text: 'Please see the attached letter.', attachments: [attachment('empty.txt', 'Nothing here.'), attachment('letter.txt', LETTER)] });
    expect(c.rightsOwner).toBe('Acme Software Inc.');
    expect(c.isAgent).toBe(true);
    expect(c.signature).toBe('Jane Roe');
    expect(c.workDescription).not.toBeNull();
  });

  it('keeps the body reading when the body decides, whatever the attachments say', () => {
    const body = parseNotice({ text: LETTER });
    const c = parseNotice({ text: LETTER, attachments: [attachment('other.txt', LETTER.replace(/Acme Software Inc\./g, 'Other Corp.').replace('Jane Roe', 'John Doe'))] });
    expect([c.rightsOwner, c.isAgent, c.agentConfidence, c.signature, c.workDescription]).toEqual([body.rightsOwner, body.isAgent, body.agentConfidence, body.signature, body.workDescription]);
  });

  it('keeps the body agency reading when no text decides it', () => {
    const quiet = 'The file https://github.com/copycat/engine is ours.';
    const c = parseNotice({ text: quiet, attachments: [attachment('a.txt', 'Nothing here.')] });
    expect([c.isAgent, c.agentConfidence, c.agentEvidence]).toEqual([parseNotice({ text: quiet }).isAgent, parseNotice({ text: quiet }).agentConfidence, parseNotice({ text: quiet }).agentEvidence]);
  });
});
