import { describe, expect, it } from 'vitest';
import { findDocuments } from '../../../src/parse/documents.js';

const kinds = (text: string) => findDocuments({ source: 'body', text }, 'text').map((d) => d.kind).sort();

describe('supporting documents named in a complaint', () => {
  it.each([
    ['Please find enclosed the extract from the commercial register of Alpenrose AG and the trademark registration certificate.', ['business_licence', 'ipr_certificate']],
    ['Attached: company registry extract, copy of the director\'s passport.', ['business_licence', 'identity']],
    ['We enclose our certificate of incorporation and a copy of the patent.', ['business_licence', 'ipr_certificate']],
    ['Lampiran / attached: NIB business licence and the DJKI certificate of registration.', ['business_licence', 'ipr_certificate']],
    ['附件：营业执照、法定代表人身份证、商标注册证、授权委托书。', ['authorization', 'business_licence', 'identity', 'ipr_certificate']],
    ['随附专利证书及专利权评价报告，另附权利要求对比表。', ['claim_chart', 'ipr_certificate', 'patent_evaluation_report']],
    ['A claim chart and the power of attorney signed by our client are attached.', ['authorization', 'claim_chart']],
    ['We attach the USPTO filing receipt for our pending application.', ['filing_receipt']],
    ['附上商标注册申请受理通知书。', ['filing_receipt']],
  ])('%s', (text, want) => {
    expect(kinds(text)).toEqual(want);
  });

  it('does not count a document that is only offered', () => {
    expect(kinds('The power of attorney is attached; the registration certificate is available on request.')).toEqual(['authorization']);
    expect(kinds('Our business licence can be provided upon request.')).toEqual([]);
    expect(kinds('Upon request we can also provide the patent certificate.')).toEqual([]);
    expect(kinds('如有需要，我司可提供营业执照和专利证书。')).toEqual([]);
  });

  it('keeps an attached document when the same sentence offers an original later', () => {
    expect(kinds('Attached is the letter of authorization, and if needed we can send the notarised original.')).toEqual(['authorization']);
  });
});
