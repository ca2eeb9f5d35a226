/**
 * Tensor values and statistics in browser mode against the real engine: a real TF fixture's kernel (statistics,
 * histogram, heatmap, grid), a scan of a generated checkpoint with planted NaN/Inf followed from a health badge
 * to the NaN tensor, the overview of a large matrix with click-to-zoom, and "save as .npy" as a download.
 *
 * The unhealthy checkpoint is written in the test's setup by the built CLI's hidden `ckpt make-demo DIR
 * --unhealthy` (our bundle writer: NaN in model/dense_1/kernel, ±Inf in model/dense_2/bias, an all-zero bias, a
 * negative Adam second moment, a 3-D convolution kernel and a 1024 × 256 embedding).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, fixturePath, HAVE_FIXTURES, NO_FIXTURES, test } from './support/server'

const ROOT = resolve(import.meta.dirname, '..')
const RENDERER = join(ROOT, 'out/renderer/index.html')
const ARTIFACTS = join(import.meta.dirname, 'artifacts')
const KERNEL_KEY = 'model/layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE'
const NAN_KEY = 'model/dense_1/kernel/.ATTRIBUTES/VARIABLE_VALUE'
const INF_KEY = 'model/dense_2/bias/.ATTRIBUTES/VARIABLE_VALUE'
const EMBEDDING_KEY = 'model/embedding/embeddings/.ATTRIBUTES/VARIABLE_VALUE'

test.skip(!existsSync(RENDERER), 'the renderer is not built (out/renderer/index.html missing): run `npm run build`')

async function shot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })
}

async function openApp(page: Page, url: string, badge = 'TF2') {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(url)
  await expect(page.getByTestId('format-badge')).toHaveText(badge)
  return errors
}

const tableRow = (page: Page, key: string) => page.locator(`[data-testid="table-row"][data-key="${key}"]`)
const treeRow = (page: Page, path: string) => page.locator(`[data-testid="tree-row"][data-path="${path.replace(/"/g, '\\"')}"]`)

test.describe('a real TF2 fixture', () => {
  test.skip(!HAVE_FIXTURES, NO_FIXTURES)
  test.use({ servePath: HAVE_FIXTURES ? fixturePath('tf2-ckpt-rl-nstep-adam') : undefined })

  test('a kernel: statistics, histogram (bins, log), heatmap and values', async ({ page, ckpt }) => {
    const errors = await openApp(page, ckpt.url)
    await tableRow(page, KERNEL_KEY).click()
    await page.getByTestId('open-tensor-panel').click()
    const panel = page.getByTestId('tensor-panel')
    await expect(panel).toHaveAttribute('data-key', KERNEL_KEY)
    const table = page.getByTestId('stats-table')
    await expect(table).toContainText('count')
    await expect(table.locator('dd').first()).toHaveText('1,024')
    await expect(page.getByTestId('quantiles')).toBeVisible()
    // the histogram: 64 bars by default, hover names a bin and its count
    const hist = page.getByTestId('histogram')
    await expect(hist.locator('canvas')).toBeVisible()
    await expect(hist).toContainText('64 bins')
    const plot = hist.locator('.u-over')
    const box = (await plot.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await expect(page.getByTestId('histogram-hover')).toHaveText(/^\[-?[\d.e-]+, -?[\d.e-]+\): \d+/)
    await page.getByTestId('hist-bins').selectOption('16')
    await expect(hist).toContainText('16 bins')
    await page.getByTestId('hist-log').click()
    await expect(page.getByTestId('hist-log')).toHaveAttribute('aria-pressed', 'true')
    await shot(page, 'tensor-histogram')

    // values: the whole 8 × 128 plane is drawn exactly; a click on it selects that cell in the grid
    await page.getByTestId('view-values').click()
    const heat = page.getByTestId('heatmap')
    await expect(heat).toHaveAttribute('data-mode', 'exact')
    await expect(page.getByTestId('heatmap-caption')).toHaveText('8 × 128, every value')
    await expect(page.locator('[data-testid="value-grid"] .grid-cell:not(.loading)').first()).toBeVisible()
    await page.getByTestId('heatmap-canvas').click({ position: { x: 1, y: 1 } })
    await expect(page.getByTestId('grid-selected')).toHaveText(/^\[0, 0\] = -?\d/)
    await expect(page.getByTestId('heatmap-mark')).toBeVisible()
    // "Copy values": the window in view as TSV, full precision (the first cell as the grid shows it selected)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.getByTestId('copy-values').click()
    await expect(page.getByTestId('toast')).toHaveText(/^Copied 8 × \d+ values as TSV$/)
    // (this project compiles specs without DOM types)
    const tsv: string = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())
    const lines = tsv.trimEnd().split('\n').map((l) => l.split('\t'))
    expect(lines).toHaveLength(8)
    expect(new Set(lines.map((l) => l.length)).size).toBe(1)
    expect(`[0, 0] = ${lines[0][0]}`).toBe(await page.getByTestId('grid-selected').textContent())
    await page.getByTestId('heatmap-canvas').hover({ position: { x: 30, y: 30 } })
    await expect(page.getByTestId('heatmap-hover')).toHaveText(/^\[\d+, \d+\] = -?\d/)
    await page.getByTestId('range-manual').click()
    await page.getByTestId('range-lo').fill('-0.05')
    await page.getByTestId('range-hi').fill('0.05')
    await expect(heat.locator('.heatmap-legend')).toContainText('-0.05')
    expect(errors).toEqual([])
    await shot(page, 'tensor-heatmap')
  })
})

/** Serves a freshly written unhealthy checkpoint instead of the demo. */
const sick = test.extend<{ servePath: string | undefined }>({
  servePath: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ckpt-e2e-unhealthy-'))
    const made = spawnSync(process.execPath, [join(ROOT, 'out/main/cli.js'), 'make-demo', join(dir, 'sick'), '--unhealthy'], { encoding: 'utf8' })
    if (made.status !== 0) throw new Error(`ckpt make-demo --unhealthy failed: ${made.stderr}`)
    await use(join(dir, 'sick'))
    rmSync(dir, { recursive: true, force: true })
  },
})

sick.describe('a generated checkpoint with NaN and Inf', () => {
  sick('scan streams into the columns; a health badge leads to the NaN tensor', async ({ page, ckpt }) => {
    const errors = await openApp(page, ckpt.url)
    await page.getByTestId('scan-button').click()
    await expect(page.getByTestId('scan-strip')).toHaveAttribute('data-status', 'problems')
    const health = page.getByTestId('health-panel')
    await expect(health).toHaveAttribute('data-status', 'problems')
    await expect(page.getByTestId('finding-nonfinite').getByTestId('finding-key')).toHaveCount(2)
    await expect(page.getByTestId('finding-slots')).toContainText('negative second moment')
    await expect(page.getByTestId('finding-zero')).toContainText('model/dense_1/bias')
    await shot(page, 'scan-health')

    // the badge on the root leads to the first NaN tensor below it
    const rootBadge = treeRow(page, '(root)').locator('[data-testid="health-badge"][data-kind="nonfinite"]')
    await expect(rootBadge).toBeVisible()
    await rootBadge.click()
    await expect(page.getByTestId('tensor-panel')).toHaveAttribute('data-key', NAN_KEY)
    await expect(page.getByTestId('tensor-health')).toHaveText('3 NaN')
    await expect(treeRow(page, '(root).model.dense_1.kernel')).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId('stats-table')).toContainText('1,021')
    await page.getByTestId('view-values').click()
    await expect(page.getByTestId('heatmap')).toHaveAttribute('data-mode', 'exact')
    // rows 3, 7 and 11 of column 5 hold the planted NaN
    const nanCells = page.locator('[data-testid="value-grid"] .grid-cell.nan')
    await expect(nanCells).toHaveCount(3)
    expect(await nanCells.evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-row')},${c.getAttribute('data-col')}`))).toEqual(['3,5', '7,5', '11,5'])
    await shot(page, 'scan-nan-tensor')

    // the table sorts by the new columns: most NaN/Inf first, tensors without problems after
    await page.getByTestId('th-nonFinite').click()
    const keys = page.getByTestId('table-row')
    await expect(keys.nth(0)).toHaveAttribute('data-key', NAN_KEY)
    await expect(keys.nth(1)).toHaveAttribute('data-key', INF_KEY)

    // reopening shows what the scan computed at once, from the cache, without another scan
    await page.reload()
    await expect(page.getByTestId('format-badge')).toBeVisible()
    await expect(treeRow(page, '(root)').locator('[data-testid="health-badge"][data-kind="nonfinite"]')).toBeVisible()
    expect(errors).toEqual([])
  })

  sick('a large matrix: the overview, click to zoom into an exact window and the grid there', async ({ page, ckpt }) => {
    await openApp(page, ckpt.url)
    await tableRow(page, EMBEDDING_KEY).click()
    await page.getByTestId('tab-tensor').click()
    await page.getByTestId('view-values').click()
    const heat = page.getByTestId('heatmap')
    await expect(heat).toHaveAttribute('data-mode', 'overview')
    await expect(page.getByTestId('heatmap-caption')).toContainText('1,024 × 256, each pixel 4 × 1 values')
    const canvas = page.getByTestId('heatmap-canvas')
    const box = (await canvas.boundingBox())!
    await canvas.click({ position: { x: box.width * 0.5, y: box.height * 0.75 } })
    await expect(heat).toHaveAttribute('data-mode', 'window')
    await expect(page.getByTestId('heatmap-caption')).toHaveText(/^rows \d+–\d+, cols \d+–\d+ of 1,024 × 256$/)
    const selected = await page.getByTestId('grid-selected').textContent()
    const [, row] = /^\[(\d+), (\d+)\]/.exec(selected ?? '')!
    expect(Number(row)).toBeGreaterThan(700)
    await expect(page.locator(`[data-testid="value-grid"] .grid-cell.selected`)).toBeVisible()
    await shot(page, 'overview-zoom')
  })

  sick('save as .npy downloads the tensor', async ({ page, ckpt }) => {
    await openApp(page, ckpt.url)
    await tableRow(page, NAN_KEY).click()
    await page.getByTestId('tab-tensor').click()
    const download = page.waitForEvent('download')
    await page.getByTestId('save-npy').click()
    const d = await download
    expect(d.suggestedFilename()).toBe('model_dense_1_kernel.npy')
    const file = join(mkdtempSync(join(tmpdir(), 'ckpt-e2e-npy-')), d.suggestedFilename())
    await d.saveAs(file)
    const bytes = readFileSync(file)
    expect([...bytes.subarray(0, 6)]).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59])
    const headerLen = bytes.readUInt16LE(8)
    expect(bytes.subarray(10, 10 + headerLen).toString('latin1')).toContain("'shape': (32, 32)")
    const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset + 10 + headerLen, bytes.byteOffset + bytes.length))
    expect(data.length).toBe(32 * 32)
    expect([3, 7, 11].map((r) => Number.isNaN(data[r * 32 + 5]))).toEqual([true, true, true])
    await expect(page.getByTestId('toast')).toContainText('Downloading model_dense_1_kernel.npy')
  })
})
