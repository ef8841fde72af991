import { describe, expect, it } from 'vitest';
import { expandAlias } from '../../../src/parse/owner-sentences.js';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { makeNotice } from './builders.js';

describe('a short name defined in the text reads as the full name', () => {
  it.each([
    ['Our firm represents Harbour Life Media, Inc. and its related entities\n(collectively, "HLM") with respect to intellectual property.', 'HLM', 'Harbour Life Media, Inc.'],
    ['We write for Northwind Systems, Inc. and its affiliated entities (together, "Northwind") about the code below.', 'Northwind', 'Northwind Systems, Inc.'],
    ['We, Ningbo Harbour Netcom Technology Co., Ltd. (hereinafter “Harbour”), hold the copyright of the app.', 'Harbour', 'Ningbo Harbour Netcom Technology Co., Ltd.'],
  ])('%s', (text, alias, full) => {
    expect(expandAlias(text, alias)).toBe(full);
  });

  it('leaves a name whose bracket says something else as it is', () => {
    expect(expandAlias('Harbour Life Media, Inc. (see "HLM") is named below.', 'HLM')).toBe('HLM');
  });

  it('names the owner in full when the letter uses its short name', () => {
    const c = parseNotice({
      text: makeNotice({
        opening: 'To Whom It May Concern:\n\nOur firm represents Harbour Life Media, Inc. and its related entities\n(collectively, "HLM") with respect to intellectual property matters.\n\nThe files below contain exact copies of HLM\'s copyrighted works. HLM is the owner of these works.',
      }),
    });
    expect(c.rightsOwner).toBe('Harbour Life Media, Inc.');
  });
});

describe('the platform addressed is not the owner', () => {
  it('does not take the platform\'s address block heading a retraction as the sender\'s organisation', () => {
    const c = parseNotice({
      text: 'GitHub, Inc\n88 Colin P Kelly Jr St\nSan Francisco, CA 94107\n\nDear GitHub,\n\nI retract the DMCA notice I filed on January 17 against https://github.com/someone/scales. The files were reverted and the matter is settled.\n\nSigned,\nName: [private]\nEmail: [private]',
    });
    expect(c.kind).toBe('retraction');
    expect(c.rightsOwner).toBeNull();
  });
});
