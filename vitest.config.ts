import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The golden and CLI suites spawn processes; two cores are all CI has.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
