/**
 * The export dialog in browser mode against the real engine, on a writable copy of a TF2 checkpoint folder with Adam
 * slots: strip the optimizer state, see what is kept and dropped, write a TF checkpoint and then safetensors into the
 * served temp folder, see the files and their read-back verification, open the TF result and verify it in the app.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, HAVE_FIXTURES, NO_FIXTURES, test } from './support/server'
import { loadApp, saveShot } from './support/app'

const RENDERER = resolve(import.meta.dirname, '../out/renderer/index.html')

test.skip(!HAVE_FIXTURES, NO_FIXTURES)
test.skip(!existsSync(RENDERER), 'the renderer is not built (out/renderer/index.html missing): run `npm run build`')
test.use({ serveCopies: { ws: 'tf2-ckpt-rl-nstep-adam' } })

/** The served folder opens on its latest checkpoint. */
async function openApp(page: Page, url: string) {
  const errors = await loadApp(page, url)
  await expect(page.getByTestId('prefix')).toContainText('ckpt-6')
  return errors
}

test('strips the optimizer into a TF checkpoint and into safetensors, verified', async ({ page, ckpt, served }) => {
  const errors = await openApp(page, ckpt.url)
  await page.getByTestId('export-button').click()
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()

  // Nothing selected: the whole checkpoint with the optimizer stripped is the default.
  await expect(page.getByTestId('export-scope-all')).toBeChecked()
  await expect(page.getByTestId('export-preset-strip-optimizer')).toHaveAttribute('aria-checked', 'true')
  // 6 layer variables + save_counter kept; 12 Adam slots and the optimizer's 5 own values dropped
  await expect(page.getByTestId('export-kept')).toContainText('7 tensors')
  await expect(page.getByTestId('export-dropped')).toContainText('17 tensors')
  await expect(page.getByTestId('export-reasons').locator('[data-reason="optimizer-slot"]')).toContainText('12')
  await expect(page.getByTestId('export-reasons').locator('[data-reason="optimizer-state"]')).toContainText('5')
  await expect(page.getByTestId('export-graph')).toContainText('Object graph pruned')
  await expect(page.getByTestId('export-out')).toHaveValue(join(served, 'ckpt-6-no-optimizer/'))
  await saveShot(page, 'export-dialog')

  // --- a TF checkpoint -------------------------------------------------------------------------------------------------
  await page.getByTestId('export-run').click()
  await expect(page.getByTestId('export-result')).toBeVisible()
  await expect(page.getByTestId('export-result-path')).toHaveText(join(served, 'ckpt-6-no-optimizer', 'ckpt-6'))
  await expect(page.getByTestId('export-verify')).toHaveAttribute('data-ok', 'true')
  await expect(page.getByTestId('written-files')).toContainText('ckpt-6.index')
  const tfDir = join(served, 'ckpt-6-no-optimizer')
  await expect(page.getByTestId('export-result')).toContainText(join(tfDir, 'checkpoint'))
  expect(readdirSync(tfDir).sort()).toEqual(['checkpoint', 'ckpt-6.data-00000-of-00001', 'ckpt-6.index'])
  await saveShot(page, 'export-result-tf')

  // --- safetensors of the same selection, with object paths as names --------------------------------------------------
  await page.getByTestId('export-again').click()
  await page.getByTestId('export-format-safetensors').click()
  await expect(page.getByTestId('export-out')).toHaveValue(join(served, 'ckpt-6-no-optimizer.safetensors'))
  await page.getByTestId('export-names-paths').click()
  await page.getByTestId('export-run').click()
  await expect(page.getByTestId('export-result')).toBeVisible()
  await expect(page.getByTestId('export-result')).toContainText('as safetensors')
  await expect(page.getByTestId('export-verify')).toHaveAttribute('data-ok', 'true')
  const st = join(served, 'ckpt-6-no-optimizer.safetensors')
  expect(statSync(st).size).toBeGreaterThan(0)
  await page.getByText('Array names (7)').click()
  await expect(page.getByTestId('export-result')).toContainText('model.layer_with_weights-0.kernel')
  await saveShot(page, 'export-result-safetensors')

  // --- exporting again onto the same file asks before replacing it (and keeps a backup) ---------------------------------
  await page.getByTestId('export-again').click()
  await page.getByTestId('export-run').click()
  await expect(page.getByTestId('error-banner')).toContainText('already exists')
  await page.getByTestId('export-overwrite').click()
  await expect(page.getByTestId('export-result')).toBeVisible()
  await expect(page.getByTestId('export-result')).toContainText('Backup of replaced files')

  // --- open the TF export in the app and verify it there ----------------------------------------------------------------
  await page.getByTestId('export-done').click()
  await expect(dialog).toHaveCount(0)
  await page.getByTestId('path-input').fill(tfDir)
  await page.getByTestId('path-open').click()
  await expect(page.getByTestId('prefix')).toContainText('ckpt-6-no-optimizer/')
  await expect(page.getByTestId('stat-tensors')).toContainText('8')
  await page.getByTestId('verify-button').click()
  await expect(page.getByTestId('verify-strip')).toHaveAttribute('data-status', 'ok')
  expect(errors).toEqual([])
})

test('one subtree from the tree selection, with an exclude glob', async ({ page, ckpt, served }) => {
  await openApp(page, ckpt.url)
  await page.locator('[data-testid="tree-row"][data-path="(root).model.layer_with_weights-0"]').click()
  await page.getByTestId('export-button').click()
  await expect(page.getByTestId('export-scope-subtree')).toBeChecked()
  await expect(page.getByTestId('export-subtree')).toHaveValue('(root).model.layer_with_weights-0')
  await expect(page.getByTestId('export-preset-keep')).toHaveAttribute('aria-checked', 'true')
  // kernel and bias (their slots need the optimizer, which is outside the subtree) and save_counter
  await expect(page.getByTestId('export-kept')).toContainText('3 tensors')
  await page.getByTestId('export-exclude').fill('**.bias')
  await expect(page.getByTestId('export-kept')).toContainText('2 tensors')
  await expect(page.getByTestId('export-reasons').locator('[data-reason="excluded"]')).toContainText('1')
  await page.getByTestId('export-format-npz').click()
  await expect(page.getByTestId('export-out')).toHaveValue(join(served, 'ckpt-6-subset.npz'))
  await saveShot(page, 'export-subtree')
  await page.getByTestId('export-run').click()
  await expect(page.getByTestId('export-result')).toContainText('Exported 2 tensors')
  await expect(page.getByTestId('export-verify')).toHaveAttribute('data-ok', 'true')
  expect(existsSync(join(served, 'ckpt-6-subset.npz'))).toBe(true)
})
