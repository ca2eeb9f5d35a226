import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const r = (p: string) => resolve(import.meta.dirname, p)

export default defineConfig({
  resolve: { alias: { '@shared': r('shared'), '@proto': r('proto') } },
  test: {
    include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
