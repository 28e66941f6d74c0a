// The bundles' SHA-256 (src/fast-hash.ts) gives node:crypto's digests.
import fc from 'fast-check';
import { createHash as nodeHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHash } from '../../src/fast-hash.js';

describe('fast-hash createHash', () => {
  it('agrees with node:crypto on strings and bytes, in one or several updates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 })), { maxLength: 4 }),
        fc.constantFrom('hex', 'base64', undefined),
        (parts, encoding) => {
          const ours = createHash('sha256');
          const theirs = nodeHash('sha256');
          for (const p of parts) {
            ours.update(p);
            theirs.update(p);
          }
          if (encoding) expect(ours.digest(encoding)).toBe(theirs.digest(encoding));
          else expect(ours.digest().equals(theirs.digest())).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100_000])('%i bytes', (n) => {
    const data = 'x'.repeat(n);
    expect(createHash('sha256').update(data).digest('hex')).toBe(nodeHash('sha256').update(data).digest('hex'));
  });

  it('passes other algorithms to node:crypto', () => {
    expect(createHash('sha1').update('abc').digest('hex')).toBe(nodeHash('sha1').update('abc').digest('hex'));
  });
});
