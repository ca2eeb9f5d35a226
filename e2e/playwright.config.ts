import { defineConfig, devices } from '@playwright/test'

// Debian's Chromium, never a downloaded browser (nothing can be downloaded here; CI installs it with apt).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 30_000,
  forbidOnly: Boolean(process.env.CI),
  outputDir: process.env.PW_OUTPUT_DIR ?? './artifacts/results',
  reporter: [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT ?? './artifacts/report.json' }]],
  use: {
    // one screenshot per test, kept as an artifact of the flow
    screenshot: 'on',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
})
