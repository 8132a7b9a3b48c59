import { describe, expect, it } from '@jest/globals';
import { withHugePages } from './huge-pages.js';

describe('withHugePages', () => {
  it('adds the huge-pages tunable and leaves the rest of the environment as it is', () => {
    expect(withHugePages({ PATH: '/bin' })).toEqual({
      PATH: '/bin',
      GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1',
    });
  });

  it("keeps the operator's tunables, a huge-pages setting of theirs included", () => {
    const other = withHugePages({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' });
    expect(other.GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
    const theirs = withHugePages({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0:glibc.malloc.arena_max=2' });
    expect(theirs.GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=0:glibc.malloc.arena_max=2');
  });
});
