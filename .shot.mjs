import { chromium } from '@playwright/test'
const url = process.argv[2], out = process.argv[3]
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
const p = await b.newPage({ viewport: { width: 1500, height: 900 } })
p.on('pageerror', (e) => console.log('pageerror', e.message))
await p.goto(url)
await p.waitForTimeout(2000)
for (const sel of process.argv.slice(4)) { try { await p.click(sel, { timeout: 3000 }); await p.waitForTimeout(500) } catch (e) { console.log('click failed', sel) } }
await p.screenshot({ path: out })
await b.close()
