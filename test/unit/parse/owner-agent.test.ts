import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR, makeNotice } from './builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const parse = (text: string) => parseNotice({ text }, { platforms });

describe('rights owner named in the sign-off of an owner writing for itself', () => {
  it('takes the company line under the redacted name when the sender claims the work', () => {
    const c = parse(makeNotice({
      opening: 'To whom it may concern,\n\nWe are the copyright owner of the Lumen charting library.',
      contact: null,
      signature: 'Regards,\n\n[private]\nBrightwater Analytics GmbH\n[private]\n[private]',
    }));
    expect(c.rightsOwner).toBe('Brightwater Analytics GmbH');
    expect(c.isAgent).toBe(false);
  });

  it('reads a contact block whose company ends in a head word such as Software', () => {
    const c = parse(makeNotice({
      opening: 'Hello,\n\nThis is our code, sold on our store.',
      contact: '**So that we can get back to you, please provide either your telephone number or physical address:**\n\nPostal Address\nKestrel Software\n12 Mill Lane, Leeds',
      signature: null,
    }));
    expect(c.rightsOwner).toBe('Kestrel Software');
  });

  it('takes the sign-off company of a representative who does not claim the work only with a low confidence', () => {
    // Labelled notices in this shape ("the duly authorized representative of the exclusive rights holder",
    // signed with a publisher's name) come from the publisher's own staff; without a claim to the work the
    // reading stays below the confidence of a named owner.
    const c = parse(makeNotice({
      opening: 'I am the duly authorized representative of the exclusive rights holder for the title below.',
      signature: 'Thank you,\n\n[private]\nOakridge Publishing',
    }));
    expect(c.rightsOwner).toBe('Oakridge Publishing');
    expect(c.rightsOwnerConfidence).toBeLessThan(0.8);
  });

  it('names the company of a retraction sender', () => {
    const c = parse('We hereby retract our DMCA takedown notice for the following repository and apologise for the error.\n\nhttps://github.com/someone/gallery-theme\n\nBest regards\n[private]\nNordlicht Media UG (haftungsbeschränkt)\n[private]');
    expect(c.kind).toBe('retraction');
    expect(c.rightsOwner).toBe('Nordlicht Media UG (haftungsbeschränkt)');
  });
});

describe('rights owner phrasing', () => {
  it.each([
    ['I am [private], acting on behalf of\nHalcyon Robotics Co., Ltd.', 'Halcyon Robotics Co., Ltd.'],
    ['I am authorized to act on behalf of the copyright owner, in this case Meridian Bank Group.', 'Meridian Bank Group'],
    ['The material infringes the copyrights of [private]/Redline Security and I am authorized to act on behalf of [private]/Redline Security.', 'Redline Security'],
    ['I am writing about copyrighted source code from Arcadia Games, Inc.\'s Nova Engine.', 'Arcadia Games, Inc.'],
    ['The files are copyrighted by Tessellate and its clients.', 'Tessellate'],
    ['I represent a member of our association - Polar Video LLC, which owns the copyright for the player.', 'Polar Video LLC'],
    ['Currently, i work as [private] in Andes Logistics SpA and I maintain its repositories.', 'Andes Logistics SpA'],
    ['I\'m [private] of Glowworm company (glowworm.example) which own the product.', 'Glowworm'],
    ['There are multiple books of Larkspur Press Pvt Ltd which are infringed.', 'Larkspur Press Pvt Ltd'],
    ['I, [private] of Vendor Ltd, contact you as an authorised agent of \'Cobalt Audio Ltd.\' in this matter.', 'Cobalt Audio Ltd.'],
  ])('reads %j', (opening, owner) => {
    expect(parse(makeNotice({ opening })).rightsOwner).toBe(owner);
  });

  it('expands a short name the notice defines', () => {
    const text = makeNotice({ opening: 'Eastfield State University ("ESU") holds the copyright in its exam materials. I am authorized to act on behalf of ESU; ESU is the owner of the copyrights.' });
    expect(parse(text).rightsOwner).toBe('Eastfield State University');
  });

  it('does not read a preposition as the start of the owner name', () => {
    expect(parse(makeNotice({ opening: 'I am [private] of Quillon LLC, which is the copyright holder.' })).rightsOwner).toBe('Quillon LLC');
  });
});

describe('agent cues', () => {
  it.each([
    'Sentinel is acting as an authorized security partner on behalf of Harbor Pay Corporation.',
    'We are a team responsible for providing incident response and security services to banks (Vendor MX).',
    'I am a lawyer acting upon instructions of my clients, who own the repository.',
    'I am a consultant hired by the author of this content to answer the notice.',
  ])('reads a representative: %j', (opening) => {
    expect(parse(makeNotice({ opening })).isAgent).toBe(true);
  });

  it('reads the owner\'s own brand-protection team as staff', () => {
    const text = makeNotice({
      opening: 'I am authorized to act on behalf of the copyright owner, in this case Meridian Bank Group. This is our source code.',
      signature: '[private] - Meridian Customer & Brand Protection\nMeridian Bank Group',
    });
    const c = parse(text);
    expect(c.rightsOwner).toBe('Meridian Bank Group');
    expect(c.isAgent).toBe(false);
  });
});

describe('signature and contact shapes of numbered statutory letters', () => {
  const elements = async (text: string) => {
    const { checkComplaint } = await import('../../../src/rules/check-complaint.js');
    return checkComplaint(parse(text), { platforms, now: new Date('2026-06-01') });
  };

  it('takes "Name of the person authorized to act:" under the signature item as the signature', async () => {
    const text = makeNotice({
      signature: '1. A physical or electronic signature of a person authorized to act on behalf of the owner\n\nVendor S.C\nName of the person authorized to act: [private]',
    });
    expect(parse(text).signature).toBe('[private]');
    expect((await elements(text)).elements!.signature.present).toBe(true);
  });

  it('reads a redacted e-mail or address given in a sentence as contact information', async () => {
    const text = makeNotice({ contact: 'I consent to receive all communication to my email (please redact before publication) [private]' });
    expect((await elements(text)).elements!.contact_info.present).toBe(true);
  });
});
