/** A complete complaint for POST /api/v1/complaints, from a brand-protection vendor. */
export const API_COMPLAINT = {
  platform: 'aliexpress',
  iprType: 'trademark',
  reason: 'counterfeit',
  listingUrls: ['https://www.aliexpress.com/item/1005009.html'],
  description: 'Counterfeit Blue Lantern toys sold under our registered mark.',
  role: 'agent',
  rightsOwner: 'Blue Lantern Toys Ltd',
  name: 'Vera Vendor',
  email: 'vera@brandguard.example',
  goodFaith: true,
  accuracy: true,
  signature: 'Vera Vendor',
};
