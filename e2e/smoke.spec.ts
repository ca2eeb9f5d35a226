import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from './support/server'

const RENDERER = resolve(import.meta.dirname, '../out/renderer/index.html')

test('the app page loads from the browser-mode server', async ({ page, ckpt }) => {
  test.skip(!existsSync(RENDERER), 'the renderer is not built (out/renderer/index.html missing)')
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(ckpt.url)
  await expect(page).toHaveTitle(/Checkpoint Explorer/)
  expect(errors).toEqual([])
})
