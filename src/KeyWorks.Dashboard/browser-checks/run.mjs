// Drives the production build in headless Chromium against a stubbed /graphql, to check what unit tests cannot:
// the bundle's retry after dropped connections, field errors beside the fields, and the error-code handling.
// Needs `npm run build` first and Debian's chromium (CHROMIUM overrides the path). Run: npm run test:browser
import { preview } from 'vite'
import { chromium } from 'playwright-core'

const server = await preview({ preview: { port: 4199, strictPort: false }, logLevel: 'error' })
const base = server.resolvedUrls.local[0]
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
})

const failures = []
function check(name, ok, detail = '') {
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
} catch (error) {
  check('the browser checks ran to the end', false, String(error))
} finally {
  await browser.close()
  await server.close()
}
console.log(failures.length ? `${failures.length} failed` : 'all browser checks passed')
process.exit(failures.length ? 1 : 0)
