// Measures the first load of the overview (驾驶舱) against a running server: from navigation start to the KPI cards
// being in the page, cold (a fresh browser profile, empty cache) and warm (the same profile loading it again), and
// the JavaScript the build ships, gzipped.
//
//   node browser-checks/first-load.mjs [base-url] [user] [password] [runs]
//   e.g. node browser-checks/first-load.mjs http://127.0.0.1:5080 leader-wang leader-demo 5
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'

const [base = 'http://127.0.0.1:5080', user = 'leader-wang', password = 'leader-demo', runsText = '5'] = process.argv.slice(2)
const runs = Number(runsText)

const login = await fetch(`${base}/graphql`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token expiresAt } }', variables: { u: user, p: password } }),
}).then((r) => r.json())
const { token, expiresAt } = login.data.login
if (!token) throw new Error(`${user} could not sign in: ${JSON.stringify(login)}`)

// Records the moment (ms since navigation start) the first KPI card is in the page.
const probe = `new MutationObserver((_, observer) => {
  if (document.querySelector('.kpi')) { window.__kpiAt = performance.now(); observer.disconnect() }
}).observe(document, { childList: true, subtree: true })`

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
})

async function timeLoad(page) {
  await page.goto(`${base}/app/#/overview`)
  await page.waitForFunction(() => window.__kpiAt !== undefined, null, { timeout: 30_000 })
  return page.evaluate(() => window.__kpiAt)
}

const cold = []
const warm = []
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  await context.addInitScript(([t, e]) => {
    localStorage.setItem('keyworks.token', t)
    if (e) localStorage.setItem('keyworks.expiresAt', e)
  }, [token, expiresAt])
  await context.addInitScript(probe)
  const page = await context.newPage()
  cold.push(await timeLoad(page))
  await page.goto('about:blank')
  warm.push(await timeLoad(page))
  await context.close()
}
await browser.close()

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const ms = (v) => `${Math.round(v)} ms`
console.log(`overview first load (navigation start → KPI cards), ${runs} runs each:`)
console.log(`  cold: median ${ms(median(cold))}, max ${ms(Math.max(...cold))}`)
console.log(`  warm: median ${ms(median(warm))}, max ${ms(Math.max(...warm))}`)

const assets = new URL('../../KeyWorks.Server/wwwroot/app/assets/', import.meta.url)
const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'))
const gzipped = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets.pathname, f)), { level: 9 }).length, 0)
console.log(`JavaScript: ${scripts.length} files, ${(gzipped / 1024).toFixed(0)} kB gzipped in all (budget 1,536 kB)`)
