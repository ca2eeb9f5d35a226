/** Page helpers for the specs that drive the write flows (restore, export): screenshots and a loaded app. */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect } from './server'

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts')
/** The size the screenshots are judged at. */
export const VIEWPORT = { width: 1440, height: 900 }

/** Saves `e2e/artifacts/<name>.png`, kept as an artifact of the flow. */
export async function saveShot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) })
}

/**
 * Loads the app at the server's URL, waits for the served checkpoint to be open, and returns the list that
 * collects uncaught page errors (a flow should end with it empty).
 */
export async function loadApp(page: Page, url: string, format = 'TF2'): Promise<string[]> {
  const pageErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  await page.setViewportSize(VIEWPORT)
  await page.goto(url)
  await expect(page.getByTestId('format-badge')).toHaveText(format)
  return pageErrors
}
