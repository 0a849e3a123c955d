import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';

describe('messages about keys a user cannot see', () => {
  it('shows a zero-width space in a key as \\u{200b}, so "na\\u{200b}me" does not read as "name"', async () => {
    const { code, stderr } = await runCli('validate', 'test/fixtures/hostile/homoglyph-keys.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('test/fixtures/hostile/homoglyph-keys.yaml:2:1: error: na\\u{200b}me: unknown key "na\\u{200b}me"; did you mean "name"?');
    expect(stderr).not.toContain('\u200b');
  });
});
