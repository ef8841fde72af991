import { createRoute, z } from '@hono/zod-openapi';
import { ConfirmListingInput } from '../../src/domain/webhooks/confirm-listing.js';
import { ComplaintInput } from '../http/complaint-input.js';
import { DecisionRequest } from './api-decisions.js';

/**
 * The API's contract: one zod schema per request and answer. The routes in
 * ./api.tsx validate with these, their types come from them, and
 * /api/v1/openapi.json and /api/v1/docs are generated from them.
 */

export const API_INFO = {
  title: 'Noticedesk submission API',
  version: '1.0.0',
  description:
    'For rights owners, agents and brand-protection vendors: submit takedown complaints and follow their cases; for reviewers, decide them; for the platform, confirm what it carried out. Every request carries `Authorization: Bearer <token>`; an administrator creates tokens in the console.',
};

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ examples: ['invalid_input', 'not_found', 'unauthorized'] }),
      message: z.string(),
      requestId: z.string().meta({ description: 'Quote it when you contact us.' }),
      details: z.record(z.string(), z.unknown()).optional().meta({ description: 'For invalid_input: `fields`, a message per field.' }),
    }),
  })
  .meta({ id: 'Error', description: 'The one shape of every error.' });

export const ApiComplaint = ComplaintInput.extend({
  listingUrls: z
    .array(z.string().trim().min(1))
    .min(1, 'Give at least one listing URL.')
    .max(800)
    .meta({ description: "The listings to take down, up to the platform's per-complaint limit." }),
  attachments: z
    .array(
      z.object({
        filename: z.string().min(1).max(200),
        contentBase64: z.string().max(7_000_000).meta({ description: 'At most 5 MB decoded; checked by content.' }),
      }),
    )
    .max(10)
    .default([]),
}).meta({
  id: 'Complaint',
  description: 'One complaint; the same fields and rules as the online form.',
  examples: [
    {
      platform: 'aliexpress',
      iprType: 'copyright',
      reason: 'image_misuse',
      listingUrls: ['https://www.aliexpress.com/item/1005004242.html', 'https://www.aliexpress.com/item/1005004243.html'],
      description: 'Both listings use our product photographs, copied from our catalogue without a licence.',
      role: 'owner',
      rightsOwner: 'Harbour Lights Photography Ltd',
      name: 'Ana Okoro',
      organisation: 'Harbour Lights Photography Ltd',
      email: 'legal@harbour-lights.example',
      goodFaith: true,
      accuracy: true,
      signature: 'Ana Okoro',
    },
  ],
});

export const ComplaintAccepted = z
  .object({
    caseNumber: z.string().meta({ examples: ['ND-2026-000123'] }),
    status: z.string(),
    unread: z.array(z.string()).optional().meta({ description: 'Files kept but not read (too large, too slow, broken): a reviewer sees them; say so if they matter.' }),
    links: z.object({ self: z.string() }),
  })
  .meta({ id: 'ComplaintAccepted' });

export const CaseStatus = z
  .object({
    caseNumber: z.string().meta({ examples: ['ND-2026-000123'] }),
    status: z.string(),
    findings: z.array(z.object({ code: z.string(), severity: z.string(), message: z.string() })),
    listings: z.array(z.object({ url: z.string(), decision: z.string().nullable() })),
    dueAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseStatus' });

export const CaseEvents = z
  .object({ events: z.array(z.object({ at: z.string(), type: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable() })) })
  .meta({ id: 'CaseEvents', description: 'The case record, oldest first.' });

export const Decision = DecisionRequest.meta({
  id: 'Decision',
  description: 'A reviewer decision: the same verbs, rules and mails as the console. Needs a reviewer or admin token.',
  examples: [
    { action: 'accept', listings: ['https://www.aliexpress.com/item/1005001.html'], note: 'The third listing sells genuine goods.' },
    { action: 'reject', reason: 'no_authorization', note: 'Please send the power of attorney with a new notice.' },
    { action: 'request_info', items: ['Trademark registration certificate', 'Proof of identity'] },
    { action: 'forward_counter_notice' },
  ],
});

export const DecisionResult = z.object({ caseNumber: z.string(), status: z.string() }).meta({ id: 'DecisionResult' });

export const ListingConfirmation = ConfirmListingInput.meta({
  id: 'ListingConfirmation',
  description: 'The platform carried out a decision on one listing.',
  examples: [{ caseNumber: 'ND-2026-000123', url: 'https://www.aliexpress.com/item/1005001.html', action: 'removed' }],
});

export const ListingConfirmed = z
  .object({ caseNumber: z.string(), url: z.string(), action: z.enum(['removed', 'restored']), alreadyConfirmed: z.boolean() })
  .meta({ id: 'ListingConfirmed' });

const CaseParams = z.object({
  caseNumber: z.string().meta({ param: { name: 'caseNumber', in: 'path' }, examples: ['ND-2026-000123'] }),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ErrorBody, description);
const security = [{ bearer: [] }];

export const submitComplaint = createRoute({
  method: 'post',
  path: '/complaints',
  summary: 'Submit a complaint',
  description: 'Goes through the same checks as email and the online form. 201 with the case number; the acknowledgement or the list of what is missing is also emailed.',
  security,
  request: { body: { required: true, content: { 'application/json': { schema: ApiComplaint } } } },
  responses: { 201: json(ComplaintAccepted, 'Case opened'), 401: error('No or bad token'), 422: error('Invalid fields'), 429: error('Too many requests') },
});

export const readCaseStatus = createRoute({
  method: 'get',
  path: '/cases/{caseNumber}',
  summary: 'Status of a case you submitted',
  security,
  request: { params: CaseParams },
  responses: { 200: json(CaseStatus, 'The case'), 401: error('No or bad token'), 404: error('No such case among yours') },
});

export const readCaseEvents = createRoute({
  method: 'get',
  path: '/cases/{caseNumber}/events',
  summary: 'The case record',
  security,
  request: { params: CaseParams },
  responses: { 200: json(CaseEvents, 'Events, oldest first'), 401: error('No or bad token'), 404: error('No such case among yours') },
});

export const decideCase = createRoute({
  method: 'post',
  path: '/cases/{caseNumber}/decision',
  summary: 'Decide a case (reviewers)',
  description: 'Accept (all or some listings), reject with a reason, request information, or forward a counter-notice. The mail to the sender is written from the decision.',
  security,
  request: { params: CaseParams, body: { required: true, content: { 'application/json': { schema: Decision } } } },
  responses: {
    200: json(DecisionResult, 'Decided'),
    401: error('No or bad token'),
    403: error('A submitter token cannot decide'),
    404: error('No such case'),
    409: error('The case changed meanwhile or cannot be decided now'),
    422: error('Invalid fields'),
  },
});

export const confirmListingRoute = createRoute({
  method: 'post',
  path: '/listings/confirm',
  summary: 'Confirm a removal or restoration (platform)',
  description: 'Only after this do mails and pages say that the listing was removed or restored. Platform and admin tokens only.',
  security,
  request: { body: { required: true, content: { 'application/json': { schema: ListingConfirmation } } } },
  responses: {
    200: json(ListingConfirmed, 'Recorded (alreadyConfirmed when it had been)'),
    401: error('No or bad token'),
    403: error('Only platform and admin tokens confirm listings'),
    404: error('No such case'),
    409: error('The desk did not ask for that action on this listing'),
    422: error('Invalid fields'),
  },
});
