import { describe, expect, it } from 'vitest';
import { greetingName } from '../../../src/domain/cases/queue-reply.js';

describe('greetingName', () => {
  it('keeps an ordinary name', () => {
    expect(greetingName('Sam Okafor')).toBe('Sam Okafor');
  });

  it('puts a name over several lines on one line', () => {
    expect(greetingName('Sam\r\n\r\nYour account is closed')).toBe('Sam Your account is closed');
  });

  it('caps a long name', () => {
    const name = greetingName('Sam '.repeat(100));
    expect(name!.length).toBeLessThanOrEqual(60);
    expect(name!.endsWith('…')).toBe(true);
  });

  it.each(['Sam, pay at https://evil.example/pay', 'support@evil.example', 'www.evil.example', '<b>Sam</b>', '\u202eSam'.replace('Sam', '')])('drops %j', (name) => {
    expect(greetingName(name)).toBeNull();
  });
});
