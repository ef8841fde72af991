import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src/parse/parse-notice.js';
import { checkComplaint } from '../../../src/rules/check-complaint.js';
import { loadPlatforms } from '../../../src/rules/load-platforms.js';
import { PLATFORMS_DIR, fixture, withAttachedFiles } from '../parse/builders.js';

const platforms = await loadPlatforms(PLATFORMS_DIR);
const now = new Date('2026-12-01');
const agentComplaint = () => {
  const f = fixture('agent-trademark-lazada-my.txt');
  return withAttachedFiles(parseNotice({ text: f.text, subject: f.subject }, { platforms }));
};
const authorization = (confidence: number) =>
  checkComplaint({ ...agentComplaint(), agentConfidence: confidence }, { platforms, now }).findings.find((f) => f.code === 'authorization.missing');

describe('the letter of authorization is asked for only when the desk is sure the sender is an agent', () => {
  it('asks the sender when the agent reading is confident', () => {
    expect(agentComplaint().agentConfidence).toBeGreaterThanOrEqual(0.8);
    expect(authorization(0.94)?.severity).toBe('missing');
  });

  it('puts the question to a reviewer when the agent reading is a guess', () => {
    const f = authorization(0.6);
    expect(f?.severity).toBe('warning');
    expect(f?.question).toMatch(/confirm/i);
    expect(f?.message).toMatch(/letter of authorization/);
  });

  it('puts the question to a reviewer when the agent reading carries no confidence', () => {
    const { agentConfidence: _, ...stored } = agentComplaint();
    const f = checkComplaint(stored, { platforms, now }).findings.find((x) => x.code === 'authorization.missing');
    expect(f?.severity).toBe('warning');
  });
});
