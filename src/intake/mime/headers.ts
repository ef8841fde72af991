import type { AddressObject } from 'mailparser';

import type { MailAddress } from '../../domain/messages/read-message.js';

export type { MailAddress };

export function firstAddress(value: AddressObject | AddressObject[] | undefined): MailAddress | null {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const entry = list.flatMap((item) => item.value)[0];
  if (!entry) return null;
  return { name: entry.name || null, address: entry.address?.toLowerCase() ?? null };
}

/** Flattens mailparser's structured header values back to the text a rule can match. */
export function headerText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(headerText).join(', ');
  if (typeof value === 'object' && 'text' in value && typeof (value as { text: unknown }).text === 'string') {
    return (value as { text: string }).text;
  }
  if (typeof value === 'object' && 'value' in value) {
    const params = (value as { params?: Record<string, string> }).params ?? {};
    const rest = Object.entries(params).map(([k, v]) => `; ${k}=${v}`).join('');
    return `${String((value as { value: unknown }).value)}${rest}`;
  }
  return String(value);
}

/**
 * The Return-Path as written. mailparser turns `<>` into an empty address
 * list, and the null path is exactly what marks a bounce (RFC 5321 4.5.5).
 */
export function rawReturnPath(raw: Buffer): string | null {
  const end = raw.indexOf('\r\n\r\n') === -1 ? raw.indexOf('\n\n') : raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end === -1 ? Math.min(raw.length, 64 * 1024) : end).toString('latin1');
  const match = /^return-path:[ \t]*(.*)$/im.exec(head);
  return match ? (match[1] ?? '').trim() : null;
}
