import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Only the suite: scratch copies under .tmp/ or bench/out/ must never be picked up as tests.
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built bidui on real stores; 5 s is too tight on a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
