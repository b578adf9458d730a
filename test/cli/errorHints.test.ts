import { describe, expect, it } from 'vitest';
import { errorHint } from '../../cli/errorHints.js';

describe('errorHint', () => {
  it("points DuckDB's out-of-memory error at the memoryLimit setting", () => {
    expect(errorHint('Out of Memory Error: failed to pin block of size 256.0 KiB (2.7 GiB/2.7 GiB used)')).toMatch(/memoryLimit/);
  });
  it('adds nothing to other errors', () => {
    expect(errorHint('Binder Error: column "x" not found')).toBeUndefined();
  });
});
