import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { fixture, makeNotice } from './builders.js';

const kindOf = (name: string, extra: Record<string, unknown> = {}) => parseNotice({ ...fixture(name), ...extra }).kind;

describe('kind detection', () => {
  it('reads a takedown notice', () => {
    expect(parseNotice({ text: makeNotice() }).kind).toBe('notice');
    expect(kindOf('law-firm-trademark-aliexpress.txt')).toBe('notice');
  });

  it('reads a Chinese complaint as a notice', () => {
    expect(kindOf('taobao-utility-model-zh.txt')).toBe('notice');
  });

  it('reads counter-notices and retractions', () => {
    expect(kindOf('counter-notice-marketplace.txt')).toBe('counter_notice');
    expect(kindOf('retraction.txt')).toBe('retraction');
    expect(parseNotice({ text: '我方现撤回投诉，请恢复链接 https://item.taobao.com/item.htm?id=1' }).kind).toBe('retraction');
    expect(parseNotice({ text: '我们对该投诉提出反通知，该商品不构成侵权。' }).kind).toBe('counter_notice');
  });

  it('detects auto-replies from text, subject and headers', () => {
    expect(kindOf('auto-reply.txt')).toBe('auto_reply');
    expect(parseNotice({ text: 'Thanks, we got it.', headers: { 'Auto-Submitted': 'auto-replied' } }).kind).toBe('auto_reply');
    expect(parseNotice({ text: 'Back Monday.', headers: { 'X-Autoreply': 'yes' } }).kind).toBe('auto_reply');
    expect(parseNotice({ text: 'Back Monday.', subject: 'Out of Office: trademark complaint' }).kind).toBe('auto_reply');
    expect(parseNotice({ text: makeNotice(), headers: { 'Auto-Submitted': 'no' } }).kind).toBe('notice');
  });

  it('detects bounces from text, sender and report content type', () => {
    expect(kindOf('bounce.txt')).toBe('bounce');
    expect(parseNotice({ text: makeNotice(), from: { name: 'Mail Delivery Subsystem', address: 'mailer-daemon@mx.example' } }).kind).toBe('bounce');
    expect(parseNotice({ text: 'see attached', headers: { 'content-type': 'multipart/report; report-type=delivery-status; boundary=x' } }).kind).toBe('bounce');
  });

  it('reads an answer on a case as a reply', () => {
    expect(kindOf('reply-case.txt')).toBe('reply');
    expect(parseNotice(fixture('reply-case.txt')).referencedCase).toBe('ND-2026-000123');
  });

  it('leaves questions and spam as other', () => {
    expect(kindOf('question.txt')).toBe('other');
    expect(kindOf('spam.txt')).toBe('other');
  });
});

describe('retractions in the sender\'s own words', () => {
  it('reads a report of a misdetection as a retraction', () => {
    const text = 'Hello,\n\nI have to admit that a repository we recently reported as infringing our rights was misdetected.\nhttps://github.com/tooling/license-proxy\n\nCould you please reinstate it?\n\nBest regards,\nMira Holm';
    expect(parseNotice({ text }).kind).toBe('retraction');
  });

  it('does not take a counter-notice sent above a horizontal rule for a host note', () => {
    const text = 'To the DMCA agent,\n\nI have read and understand the guide. Disabled content URLs:\n- https://github.com/quill/parser\n\n---\n\nI have a good faith belief that the material was removed as a result of mistake or misidentification, under penalty of perjury.\nI consent to the jurisdiction of the Federal District Court.\n\n/s/ Jo Lind';
    const c = parseNotice({ text }, {});
    expect(c.kind).toBe('counter_notice');
    expect(c.listings.length + (c.originalWorkUrls?.length ?? 0)).toBeGreaterThan(0);
  });
});

describe('a sender undoing its own takedown', () => {
  it('reads "invalidate the takedown" as a retraction, even with the DMCA misspelt', () => {
    const text = 'Hello,\n\nWe have reached an understanding with the maintainer, so I would like to invalidate the DCMA takedown for the repository below.\n\nhttps://github.com/orbit-tools/scheduler\n\nSincerely,\nRana Voss\nOrbit Tools Ltd';
    expect(parseNotice({ text }).kind).toBe('retraction');
  });

  it('reads the sender owning up to an error in sending the notice as a retraction', () => {
    const text = 'Hi,\n\nThis notice was sent in error: the copyrighted files in https://github.com/kelp/maps are licensed to that user. Please restore the repository.\n\nThanks,\nIda Berg';
    expect(parseNotice({ text }).kind).toBe('retraction');
    const own = 'Hello,\n\nhttps://github.com/kelp/maps\n\nWe made a mistake in taking down this fork of our copyrighted project; it carries our licence. Please put it back.\n\nIda Berg';
    expect(parseNotice({ text: own }).kind).toBe('retraction');
  });

  it('keeps a counter-notice that says the notice was sent in error a counter-notice', () => {
    const text = 'I believe in good faith that this DMCA notification was sent in error.\n\nI swear, under penalty of perjury, that I have a good-faith belief that the material was removed or disabled as a result of a mistake or misidentification.\n\nhttps://github.com/kelp/maps\n\nIda Berg';
    expect(parseNotice({ text }).kind).toBe('counter_notice');
  });
});
