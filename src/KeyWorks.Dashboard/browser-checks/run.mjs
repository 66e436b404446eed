// Drives the production build in headless Chromium against a stubbed /graphql, to check what unit tests cannot:
// the bundle's retry after dropped connections, field errors beside the fields, and the error-code handling.
// Needs `npm run build` first and Debian's chromium (CHROMIUM overrides the path). Run: npm run test:browser
import { preview } from 'vite'
import { chromium } from 'playwright-core'

// The layout-review fixtures must not ship: their project names and graphql-js (its validation messages) are absent.
const { readdir, readFile: read } = await import('node:fs/promises')
const assets = new URL('../../KeyWorks.Server/wwwroot/app/assets/', import.meta.url)
const bundle = (await Promise.all((await readdir(assets)).filter((f) => f.endsWith('.js')).map((f) => read(new URL(f, assets), 'utf8')))).join('\n')

const server = await preview({ preview: { port: 4199, strictPort: false }, logLevel: 'error' })
const base = server.resolvedUrls.local[0]
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
})

const failures = []
let checks = 0
function check(name, ok, detail = '') {
  checks++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`)
  if (!ok) failures.push(name)
}

const contractor = { id: 'u1', username: 'c', name: '赵工', role: 'CONTRACTOR', unit: { id: 'U7', name: '中建三局' }, projects: [{ id: 'P1', name: '测试道路工程' }] }
const reportingProject = { id: 'P1', name: '测试道路工程', nodes: [], figures: { completedSinceStart: '1000000.00', physicalProgress: null, asOfDate: '2026-11-20' }, reports: { nodes: [] } }

async function contractorPage(onInvestment) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
  await page.addInitScript(() => localStorage.setItem('keyworks.token', 'test-token'))
  await page.route('**/graphql', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}')
    const json = (data) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) })
    if (route.request().headers().authorization !== 'Bearer test-token') return json({ errors: [{ message: 'no token', extensions: { code: 'UNAUTHENTICATED' } }] })
    if (body.operationName === 'Me') return json({ data: { me: contractor } })
    if (body.operationName === 'ReportingProject') return json({ data: { project: reportingProject } })
    if (body.operationName === 'ReportInvestment') return onInvestment(route, body, json)
    return json({ errors: [{ message: `unexpected ${body.operationName}`, extensions: { code: 'INTERNAL' } }] })
  })
  await page.goto(`${base}#/report`)
  return page
}

check('the production bundle carries no demo fixtures', !bundle.includes('大狮涝河综合整治工程') && !bundle.includes('Cannot query field'))

try {
  // 1. Two dropped connections, then an answer: one submission, one key, three sends.
  const sent = []
  let page = await contractorPage((route, body, json) => {
    sent.push(body.variables.input)
    if (sent.length <= 2) return route.abort('connectionreset')
    if (sent.length === 3) return json({ data: { reportInvestment: { report: null, errors: [] } } })
    return json({ data: { reportInvestment: { report: null, errors: [{ code: 'AMOUNT_ABOVE_TOTAL', message: '本月金额超过项目总投资，请核实或填写说明', field: ['input', 'amount'] }] } } })
  })
  await page.getByPlaceholder('如 125.5').fill('125.5')
  await page.getByRole('button', { name: '提交' }).click()
  await page.getByText('月度投资已上报').waitFor({ timeout: 20000 })
  check('a dropped submission is retried with the same idempotency key', sent.length === 3 && new Set(sent.map((i) => i.idempotencyKey)).size === 1, `${sent.length} sends`)
  check('万元 typed is sent as exact yuan', sent[0]?.amount === '1255000.00', sent[0]?.amount)

  // 2. The next submission is a new one with a new key; its field error shows beside the field.
  await page.getByPlaceholder('如 125.5').fill('99999999')
  await page.getByRole('button', { name: '提交' }).click()
  const fieldError = page.locator('.el-form-item__error', { hasText: '本月金额超过项目总投资' })
  await fieldError.waitFor({ timeout: 10000 })
  check('a new submission gets a new key', sent.length === 4 && sent[3].idempotencyKey !== sent[0].idempotencyKey)
  check('a payload error with a field shows beside that field', await fieldError.isVisible())
  await page.close()

  // 3. FORBIDDEN: a plain Chinese message with the code.
  page = await contractorPage((route, body, json) => json({ errors: [{ message: 'forbidden', extensions: { code: 'FORBIDDEN' } }] }))
  await page.getByPlaceholder('如 125.5').fill('1')
  await page.getByRole('button', { name: '提交' }).click()
  const alert = page.locator('.el-alert', { hasText: '没有权限' })
  await alert.waitFor({ timeout: 10000 })
  check('FORBIDDEN shows a Chinese message and its code', (await alert.textContent())?.includes('FORBIDDEN') ?? false)
  await page.close()

  // 4. UNAUTHENTICATED: back to the login page.
  page = await contractorPage((route, body, json) => json({ errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] }))
  await page.getByPlaceholder('如 125.5').fill('1')
  await page.getByRole('button', { name: '提交' }).click()
  await page.waitForURL(/#\/login/, { timeout: 10000 })
  check('UNAUTHENTICATED returns to the login page', page.url().includes('#/login'), page.url())
  await page.close()

  // 5. Export: the lazily loaded writer produces an .xlsx (a zip) of every page of the filtered list.
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  await page.addInitScript(() => localStorage.setItem('keyworks.token', 'test-token'))
  const figures = { asOfDate: '2026-11-20', totalInvestment: '380000000.00', annualPlan: '95000000.00', plannedToDate: '80000000.00', completedThisYear: '72000000.00', completedThisMonth: '9000000.00', completedSinceStart: '150000000.00', annualCompletionRate: '75.79', totalCompletionRate: '39.47', timeProgress: '84.21', progressGap: '-8.42', physicalProgress: '60.00', light: 'YELLOW' }
  const row = (i) => ({ id: `P${i}`, name: `测试项目${i}`, category: 'ROAD', township: '高新街道', status: 'UNDER_CONSTRUCTION', leader: { name: '王建国' }, responsibleUnit: { name: '区交通局' }, figures })
  const listPages = []
  await page.route('**/graphql', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}')
    const json = (data) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) })
    if (body.operationName === 'Me') return json({ data: { me: { ...contractor, role: 'OFFICE', unit: null, projects: [] } } })
    if (body.operationName === 'Townships') return json({ data: { overview: { byTownship: [{ name: '高新街道' }] } } })
    if (body.operationName === 'ProjectList') {
      const start = body.variables.after ? Number(body.variables.after) : 0
      const size = Math.min(body.variables.first, 250 - start)
      listPages.push(body.variables.first)
      return json({ data: { projects: { totalCount: 250, pageInfo: { hasNextPage: start + size < 250, hasPreviousPage: start > 0, startCursor: String(start), endCursor: String(start + size) }, nodes: Array.from({ length: size }, (_, k) => row(start + k + 1)) } } })
    }
    return json({ errors: [{ message: `unexpected ${body.operationName}`, extensions: { code: 'INTERNAL' } }] })
  })
  await page.goto(`${base}#/projects`)
  await page.getByText('测试项目1', { exact: true }).waitFor({ timeout: 10000 })
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.getByRole('button', { name: '导出 Excel' }).click()])
  const { readFile } = await import('node:fs/promises')
  const file = await readFile(await download.path())
  if (process.env.KEEP_EXPORT) await download.saveAs(process.env.KEEP_EXPORT)
  check('export downloads an .xlsx of all pages', download.suggestedFilename().endsWith('.xlsx') && file.subarray(0, 2).toString() === 'PK' && listPages.filter((n) => n === 200).length === 2, `${download.suggestedFilename()}, ${file.length} bytes, pages ${listPages.join(',')}`)
  await page.close()

  // 6. The review queue subscribes over graphql-transport-ws with the token and shows a report as it arrives.
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.addInitScript(() => localStorage.setItem('keyworks.token', 'test-token'))
  const socket = { init: null, subscribe: null }
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    ws.onMessage((text) => {
      const message = JSON.parse(String(text))
      if (message.type === 'connection_init') {
        socket.init = message
        ws.send(JSON.stringify({ type: 'connection_ack' }))
      } else if (message.type === 'subscribe') {
        socket.subscribe = message
        const report = { __typename: 'InvestmentReport', id: 'R9', kind: 'INVESTMENT', status: 'PENDING', submittedBy: '赵工', submittedAt: '2026-11-20T10:00:00+08:00', decidedBy: null, decidedAt: null, rejectionReason: null, project: { id: 'P1', name: '实时到达的项目' }, month: '2026-10-01', amount: '1255000.00', cumulative: '9000000.00', note: null, isCorrection: false }
        setTimeout(() => ws.send(JSON.stringify({ id: message.id, type: 'next', payload: { data: { reportSubmitted: report } } })), 300)
      }
    })
  })
  await page.route('**/graphql', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}')
    const json = (data) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) })
    if (body.operationName === 'Me') return json({ data: { me: { ...contractor, role: 'OFFICE', unit: null, projects: [] } } })
    if (body.operationName === 'PendingReports') return json({ data: { projects: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } })
    return json({ errors: [{ message: `unexpected ${body.operationName}`, extensions: { code: 'INTERNAL' } }] })
  })
  await page.goto(`${base}#/office/queue`)
  await page.getByText('实时到达的项目').first().waitFor({ timeout: 15000 })
  check('the queue subscribes with the bearer token in connection_init', socket.init?.payload?.Authorization === 'Bearer test-token')
  check('the queue subscribes to reportSubmitted', socket.subscribe?.payload?.operationName === 'ReportSubmitted')
  check('a submitted report appears in the queue live', await page.getByText('实时到达的项目').first().isVisible())
  await page.close()
} catch (error) {
  check('the browser checks ran to the end', false, String(error))
} finally {
  await browser.close()
  await server.close()
}
console.log(`browser checks: ${checks - failures.length} passed, ${failures.length} failed`)
process.exit(failures.length ? 1 : 0)
