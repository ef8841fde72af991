import { describe, expect, it } from 'vitest';
import { CLIENT_SCRIPT } from '../../../console/static/client.js';

describe('the console script', () => {
  it('is valid JavaScript once written out of its template string', () => {
    expect(() => new Function(CLIENT_SCRIPT)).not.toThrow();
  });
});
