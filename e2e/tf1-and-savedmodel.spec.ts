/**
 * TF1 name-based checkpoints (Estimator with Adam slots) and a Keras SavedModel, opened in browser mode against
 * the real engine.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, fixturePath, HAVE_FIXTURES, NO_FIXTURES, test } from './support/server'

const RENDERER = resolve(import.meta.dirname, '../out/renderer/index.html')
const ARTIFACTS = resolve(import.meta.dirname, 'artifacts')

test.skip(!HAVE_FIXTURES, NO_FIXTURES)
test.skip(!existsSync(RENDERER), 'the renderer is not built (out/renderer/index.html missing): run `npm run build`')

async function shot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) })
}

const treeRow = (page: Page, path: string) => page.locator(`[data-testid="tree-row"][data-path="${path}"]`)

test.describe('TF1 estimator checkpoint', () => {
  test.use({ servePath: HAVE_FIXTURES ? fixturePath('tf1-estimator-mnist-adam') : undefined })

  test('shows its name tree with TF1 Adam slots', async ({ page, ckpt }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(ckpt.url)
    await expect(page.getByTestId('format-badge')).toHaveText('TF1')
    await expect(page.getByTestId('prefix')).toContainText('model.ckpt-20000')
    await expect(page.getByTestId('stat-tensors')).toContainText('21')

    // scopes from the `/`-separated names
    await expect(treeRow(page, 'conv2d')).toHaveAttribute('data-kind', 'scope')
    await expect(treeRow(page, 'dense')).toBeVisible()
    await expect(treeRow(page, 'global_step')).toBeVisible()
    // the optimizer's own state is drawn as optimizer state
    await expect(treeRow(page, 'beta1_power')).toHaveAttribute('data-icon', 'optimizer')
    await expect(page.locator('[data-testid="table-row"][data-key="beta1_power"]')).toHaveAttribute('data-role', 'optimizer')

    await page.getByTestId('tree-collapse-all').click()
    await page.getByTestId('tree-search').fill('Adam_1')
    await expect(treeRow(page, 'conv2d/kernel/Adam_1')).toBeVisible()
    await treeRow(page, 'conv2d/kernel/Adam_1').click()
    await expect(treeRow(page, 'conv2d/kernel/Adam_1')).toHaveAttribute('data-kind', 'slot')
    await expect(page.getByTestId('slot-of-link')).toHaveText('conv2d/kernel')
    await page.getByTestId('slot-of-link').click()
    // selection outside the search clears it and reveals the variable
    await expect(page.getByTestId('details').getByTestId('details-path')).toHaveText('conv2d/kernel')
    await expect(treeRow(page, 'conv2d/kernel')).toHaveAttribute('aria-selected', 'true')
    await expect(page.locator('[data-testid="slot-link"]')).toHaveCount(2)
    await expect(page.locator('[data-testid="slot-link"][data-slot="Adam"]')).toBeVisible()
    await expect(page.getByTestId('values-text')).toContainText('dtype=float32')

    // two checkpoints of the run
    await page.getByTestId('checkpoint-picker').click()
    await expect(page.getByTestId('checkpoint-option')).toHaveCount(2)
    await page.locator('[data-testid="checkpoint-option"][data-name="model.ckpt-1"]').click()
    await expect(page.getByTestId('prefix')).toContainText('model.ckpt-1')
    await expect(page.getByTestId('checkpoint-picker')).toContainText('step 1')
    await shot(page, 'tf1-name-tree')
  })
})

test.describe('Keras SavedModel', () => {
  test.use({ servePath: HAVE_FIXTURES ? fixturePath('keras-savedmodel-mlp-adam-slots') : undefined })

  test('shows its variables, slots and signatures', async ({ page, ckpt }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(ckpt.url)
    await expect(page.getByTestId('format-badge')).toHaveText('SavedModel')
    await expect(page.getByTestId('stat-tensors')).toContainText('32')
    await page.getByTestId('role-filter').selectOption('optimizer')
    await expect(page.locator('[data-testid="table-row"][data-role="slot"]').first()).toBeVisible()
    await page.getByTestId('tab-signatures').click()
    const sigs = page.getByTestId('signatures')
    await expect(sigs).toContainText('serving_default')
    await expect(sigs).toContainText('dense_input')
    await expect(sigs).toContainText('float32 (None, 3)')
    await shot(page, 'savedmodel-signatures')
  })
})
