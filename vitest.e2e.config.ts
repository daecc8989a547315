import { defineConfig } from 'vitest/config'

// Browser tests: Chromium (playwright-core) against the real server started by the global setup.
// `npm run test:e2e` builds dist/web first when it is older than its sources; the server serves it.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    // One server and two shared cores: files run one after another.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
})
