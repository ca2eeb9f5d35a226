/**
 * A TF2 CheckpointManager folder (6 checkpoints of one run, Adam slots), opened in browser mode against the real
 * engine: tree, slot ↔ variable links, table filters, checkpoint switching, verify.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, fixturePath, HAVE_FIXTURES, NO_FIXTURES, test } from './support/server'

const RENDERER = resolve(import.meta.dirname, '../out/renderer/index.html')
const ARTIFACTS = resolve(import.meta.dirname, 'artifacts')
const DIR = 'tf2-ckpt-rl-nstep-adam'

const KERNEL = '(root).model.layer_with_weights-0.kernel'
const KERNEL_KEY = 'model/layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE'
const SLOT_M = `(root).opt's state 'm' for ${KERNEL}`
const SLOT_V = `(root).opt's state 'v' for ${KERNEL}`

test.skip(!HAVE_FIXTURES, NO_FIXTURES)
test.skip(!existsSync(RENDERER), 'the renderer is not built (out/renderer/index.html missing): run `npm run build`')
test.use({ servePath: HAVE_FIXTURES ? fixturePath(DIR) : undefined })

async function shot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) })
}

const treeRow = (page: Page, path: string) => page.locator(`[data-testid="tree-row"][data-path="${path.replace(/"/g, '\\"')}"]`)
const tableRow = (page: Page, key: string) => page.locator(`[data-testid="table-row"][data-key="${key}"]`)

async function openApp(page: Page, url: string) {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(url)
  // the path given to `ckpt serve` opens by itself
  await expect(page.getByTestId('format-badge')).toHaveText('TF2')
  // the token left the address bar
  expect(page.url()).not.toContain('token=')
  return errors
}

test('opens the checkpoint folder on its latest checkpoint', async ({ page, ckpt }) => {
  const errors = await openApp(page, ckpt.url)
  await expect(page.getByTestId('prefix')).toContainText('ckpt-6')
  await expect(page.getByTestId('stat-tensors')).toContainText('25')
  await expect(page.getByTestId('stat-shards')).toContainText('1')
  await expect(page.getByTestId('checkpoint-picker')).toContainText('ckpt-6')
  await expect(page.getByTestId('checkpoint-picker')).toContainText('latest')
  await expect(page.getByTestId('table-row')).toHaveCount(25)
  expect(errors).toEqual([])
  await shot(page, 'tf2-open')
})

test('expands the tree, selects a slot variable and follows its links', async ({ page, ckpt }) => {
  await openApp(page, ckpt.url)
  // start collapsed, then open level by level with the mouse and the keyboard
  await page.getByTestId('tree-collapse-all').click()
  await expect(page.getByTestId('tree-row')).toHaveCount(1)
  await treeRow(page, '(root)').getByTestId('tree-twisty').click()
  await expect(treeRow(page, '(root).model')).toBeVisible()
  await expect(treeRow(page, '(root).opt')).toHaveAttribute('data-kind', 'optimizer')
  await expect(treeRow(page, '(root).save_counter')).toHaveAttribute('data-kind', 'save_counter')
  await treeRow(page, '(root).model').click()
  await page.keyboard.press('ArrowRight') // opens model
  await expect(treeRow(page, '(root).model.layer_with_weights-0')).toBeVisible()
  await page.keyboard.press('ArrowDown') // layer-0
  await page.keyboard.press('ArrowDown') // layer_with_weights-0
  await expect(treeRow(page, '(root).model.layer_with_weights-0')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter') // opens it
  await expect(treeRow(page, KERNEL)).toBeVisible()
  await expect(treeRow(page, KERNEL)).toContainText('float32 [8, 128]')

  await page.getByTestId('tree-expand-all').click()
  await expect(treeRow(page, SLOT_M)).toBeVisible()
  await expect(treeRow(page, SLOT_M)).toHaveAttribute('data-kind', 'slot')

  // the slot: details name its variable; the back link selects the variable
  await treeRow(page, SLOT_M).click()
  const details = page.getByTestId('details')
  await expect(details.getByTestId('details-path')).toContainText(SLOT_M)
  await expect(details.getByTestId('details-key')).toContainText('model/layer_with_weights-0/kernel/.OPTIMIZER_SLOT/opt/m/.ATTRIBUTES/VARIABLE_VALUE')
  await expect(page.getByTestId('slot-of-link')).toHaveText(KERNEL)
  await expect(tableRow(page, 'model/layer_with_weights-0/kernel/.OPTIMIZER_SLOT/opt/m/.ATTRIBUTES/VARIABLE_VALUE')).toHaveAttribute('aria-selected', 'true')
  await page.getByTestId('slot-of-link').click()

  await expect(details.getByTestId('details-path')).toContainText(KERNEL)
  await expect(treeRow(page, KERNEL)).toHaveAttribute('aria-selected', 'true')
  await expect(tableRow(page, KERNEL_KEY)).toHaveAttribute('aria-selected', 'true')
  await expect(details).toContainText('float32 [8, 128]')
  // printed like numpy's repr: [8, 128] is summarised, only its edges are read
  await expect(page.getByTestId('values-text')).toContainText('array([[')
  await expect(page.getByTestId('values-text')).toContainText('...')
  await expect(page.getByTestId('values-text')).toContainText('dtype=float32)')
  await expect(page.getByTestId('values-preview')).toContainText('of 1,024 read')

  // the variable lists both Adam slots; the 'v' link selects that slot
  const slotLinks = page.getByTestId('slot-link')
  await expect(slotLinks).toHaveCount(2)
  await expect(slotLinks.nth(0)).toContainText('m')
  await expect(slotLinks.nth(0)).toContainText(SLOT_M)
  await page.locator('[data-testid="slot-link"][data-slot="v"]').click()
  await expect(details.getByTestId('details-path')).toContainText(SLOT_V)
  await expect(treeRow(page, SLOT_V)).toHaveAttribute('aria-selected', 'true')
  await shot(page, 'tf2-slot-links')
})

test('searches the tree', async ({ page, ckpt }) => {
  await openApp(page, ckpt.url)
  await page.getByTestId('tree-collapse-all').click()
  await page.getByTestId('tree-search').fill('bias')
  await expect(page.getByTestId('tree-search-status')).toContainText('3 matches')
  // matches plus their ancestors, even though everything was collapsed
  await expect(treeRow(page, '(root).model.layer_with_weights-2.bias')).toBeVisible()
  await expect(treeRow(page, '(root).opt')).toHaveCount(0)
  await expect(treeRow(page, '(root).model.layer_with_weights-2.bias').locator('mark')).toHaveText('bias')
  await page.getByTestId('tree-search').fill('')
  await expect(page.getByTestId('tree-row')).toHaveCount(1)
})

test('filters the table by text, dtype, shape and role; sorts; toggles columns', async ({ page, ckpt }) => {
  await openApp(page, ckpt.url)
  const rows = page.getByTestId('table-row')
  const status = page.getByTestId('table-status')

  await page.getByTestId('table-filter').fill('kernel')
  await expect(rows).toHaveCount(9) // 3 kernels + their m and v slots
  await expect(status).toContainText('9 of 25 tensors')

  await page.getByTestId('table-filter').fill('kernel OPTIMIZER_SLOT/opt/v')
  await expect(rows).toHaveCount(3)

  await page.getByTestId('table-filter').fill('')
  await page.getByTestId('dtype-filter').selectOption('int64')
  await expect(rows).toHaveCount(2)
  await expect(tableRow(page, 'opt/iter/.ATTRIBUTES/VARIABLE_VALUE')).toBeVisible()
  await expect(tableRow(page, 'save_counter/.ATTRIBUTES/VARIABLE_VALUE')).toBeVisible()

  await page.getByTestId('dtype-filter').selectOption('float32')
  await page.getByTestId('shape-filter').fill('8,*')
  await expect(rows).toHaveCount(3)
  await page.getByTestId('shape-filter').fill('[]')
  await expect(rows).toHaveCount(4) // beta_1, beta_2, decay, learning_rate
  await page.getByTestId('shape-filter').fill('8,abc')
  await expect(page.getByTestId('shape-filter')).toHaveAttribute('aria-invalid', 'true')
  await page.getByTestId('shape-filter').fill('')
  await page.getByTestId('role-filter').selectOption('optimizer')
  await expect(rows).toHaveCount(16) // 12 slots + 4 float hyper-parameters
  await shot(page, 'tf2-table-filters')

  await page.getByRole('button', { name: 'clear filters' }).click()
  await expect(rows).toHaveCount(25)

  // sort by bytes, largest first
  await page.getByTestId('th-size').click()
  await expect(page.getByTestId('th-size')).toHaveAttribute('aria-sort', 'descending')
  await expect(rows.first()).toContainText('4.00 KiB')

  // column visibility
  await expect(page.getByTestId('th-objectPath')).toHaveCount(0)
  await page.getByTestId('columns-button').click()
  await page.getByTestId('column-toggle-objectPath').check()
  await page.getByTestId('column-toggle-crc32c').check()
  await expect(page.getByTestId('th-objectPath')).toBeVisible()
  await expect(page.getByTestId('th-crc32c')).toBeVisible()
  await page.getByTestId('column-toggle-shard').uncheck()
  await expect(page.getByTestId('th-shard')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('columns-menu')).toHaveCount(0)

  // a row selects its tensor and the tree node holding it
  await tableRow(page, 'model/layer_with_weights-1/bias/.ATTRIBUTES/VARIABLE_VALUE').click()
  await expect(treeRow(page, '(root).model.layer_with_weights-1.bias')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('details').getByTestId('details-key')).toContainText('model/layer_with_weights-1/bias/.ATTRIBUTES/VARIABLE_VALUE')
})

test('switches between the checkpoints of the folder', async ({ page, ckpt }) => {
  await openApp(page, ckpt.url)
  await treeRow(page, KERNEL).click()
  const valuesAt6 = await page.getByTestId('values-text').textContent()

  await page.getByTestId('checkpoint-picker').click()
  const options = page.getByTestId('checkpoint-option')
  await expect(options).toHaveCount(6)
  await expect(options.nth(5)).toContainText('latest')
  await expect(options.nth(0)).toContainText('step 1')
  await expect(options.nth(0)).toContainText('2021-01-0')
  await page.locator('[data-testid="checkpoint-option"][data-name="ckpt-2"]').click()

  await expect(page.getByTestId('prefix')).toContainText('ckpt-2')
  await expect(page.getByTestId('checkpoint-picker')).toContainText('step 2')
  await expect(page.getByTestId('checkpoint-picker')).not.toContainText('latest')
  await expect(page.getByTestId('table-row')).toHaveCount(25)
  // same structure, other values
  await treeRow(page, KERNEL).click()
  await expect(page.getByTestId('values-text')).toContainText('array([')
  expect(await page.getByTestId('values-text').textContent()).not.toEqual(valuesAt6)
  await shot(page, 'tf2-switch-checkpoint')
})

test('verifies every checksum with progress and a result', async ({ page, ckpt }) => {
  await openApp(page, ckpt.url)
  await page.getByTestId('verify-button').click()
  const strip = page.getByTestId('verify-strip')
  await expect(strip).toHaveAttribute('data-status', 'ok')
  await expect(strip).toContainText('All checksums OK')
  await expect(strip).toContainText('25 tensors')
  await shot(page, 'tf2-verify')
})

test('shows a readable error with the hint for a prefix without its step', async ({ page, ckpt }) => {
  await openApp(page, ckpt.url)
  await page.getByTestId('path-input').fill(fixturePath(DIR, 'ckpt'))
  await page.getByTestId('path-input').press('Enter')
  const banner = page.getByTestId('error-banner')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('ckpt-6')
  expect(await banner.textContent()).not.toMatch(/\(?[\w/.-]+\.(js|ts):\d+:\d+/) // never a stack trace
  // the open checkpoint stays
  await expect(page.getByTestId('format-badge')).toHaveText('TF2')
  await shot(page, 'tf2-error')
})
