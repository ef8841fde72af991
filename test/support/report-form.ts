/** A minimal PDF, enough to pass the upload's content check. */
export const SAMPLE_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A complete /report submission from a rights owner; `null` leaves a field out. */
export function makeReportForm(overrides: Record<string, string | File | null> = {}): FormData {
  const fields: Record<string, string | File | null> = {
    platform: 'aliexpress',
    iprType: 'trademark',
    registrationNumber: 'US 5,123,456',
    jurisdiction: 'US',
    location: 'listing',
    reason: 'counterfeit',
    listingUrls: 'https://www.aliexpress.com/item/1005001.html\nhttps://www.aliexpress.com/item/1005002.html',
    description: 'These listings sell counterfeit Blue Lantern toys using our registered mark.',
    role: 'owner',
    rightsOwner: 'Blue Lantern Toys Ltd',
    name: 'Jane Doe',
    email: 'jane@bluelantern.example',
    goodFaith: 'on',
    accuracy: 'on',
    signature: 'Jane Doe',
    evidence: new File([SAMPLE_PDF], 'certificate.pdf', { type: 'application/pdf' }),
    ...overrides,
  };
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== null) data.append(k, v);
  return data;
}
