import { describe, expect, it } from 'vitest'
import { FormOpeningSubmission } from '../src/api/retry'
import { NETWORK, RequestError } from '../src/api/errors'
import {
  type RegistrationForm, checkAnnualPlan, checkNodePlan, checkRegistration, checkReplan, monthlyYuan, strayErrors, sumYuan, wanToWholeYuan, yuanToWan,
} from '../src/planning'

describe('money typed in 万元', () => {
  it('becomes whole yuan exactly', () => {
    expect(wanToWholeYuan('1234.5678')).toBe('12345678')
    expect(wanToWholeYuan('12.5')).toBe('125000')
    expect(wanToWholeYuan(' 25000 ')).toBe('250000000')
    expect(wanToWholeYuan('0')).toBe('0')
    expect(wanToWholeYuan('0.0001')).toBe('1')
    // Beyond a float's exact integers: still exact.
    expect(wanToWholeYuan('123456789012345.6789')).toBe('1234567890123456789')
  })

  it('refuses negatives, fractions of a yuan and anything not a plain number', () => {
    expect(wanToWholeYuan('-1')).toBeNull()
    expect(wanToWholeYuan('1.23456')).toBeNull()
    expect(wanToWholeYuan('0.00005')).toBeNull()
    for (const text of ['', ' ', 'abc', '12,5', '1e3', '1.', '.5', '+5', 'NaN', 'Infinity', '１２']) expect(wanToWholeYuan(text)).toBeNull()
  })

  it('goes back to 万元 for a plan being revised, and sums exactly', () => {
    expect(yuanToWan('12345678.00')).toBe('1234.5678')
    expect(yuanToWan('250000000')).toBe('25000')
    expect(yuanToWan('1')).toBe('0.0001')
    expect(yuanToWan('0.00')).toBe('0')
    expect(yuanToWan('1.50')).toBeNull()
    expect(yuanToWan(5050000)).toBe('505')
    expect(sumYuan(['12345678', '1', '9007199254740993'])).toBe('9007199267086672')
    expect(monthlyYuan(['1', '', '0.5', ...Array<string>(9).fill('')])).toEqual(['10000', '0', '5000', ...Array<string>(9).fill('0')])
    expect(monthlyYuan(['-1', ...Array<string>(11).fill('')])).toBeNull()
  })
})

const registration = (changes: Partial<RegistrationForm> = {}): RegistrationForm => ({
  name: '龙源路道路工程', category: 'ROAD', township: '文苑街道', scale: '', description: '', totalInvestmentWan: '25000',
  plannedStart: '2026-03-01', plannedCompletion: '2027-06-30', leaderId: '', leadUnitId: '', responsibleUnitId: '', contractorUnitIds: [],
  ...changes,
})

describe('registering a project', () => {
  it('passes a complete form', () => {
    expect(checkRegistration(registration())).toEqual({})
    expect(checkRegistration(registration({ leaderId: 'L', leadUnitId: 'U1', responsibleUnitId: 'U2', contractorUnitIds: ['U3'] }))).toEqual({})
  })

  it('names each missing or wrong field as the API does', () => {
    const errors = checkRegistration(registration({ name: ' ', category: '', township: '', totalInvestmentWan: '-5', plannedStart: '', plannedCompletion: null }))
    expect(Object.keys(errors).sort()).toEqual(['category', 'name', 'plannedCompletion', 'plannedStart', 'totalInvestment', 'township'])
  })

  it('refuses a completion before the start', () => {
    expect(Object.keys(checkRegistration(registration({ plannedCompletion: '2026-02-28' })))).toEqual(['plannedCompletion'])
  })

  it('asks for the leader, lead and responsible unit together once any unit is named', () => {
    expect(Object.keys(checkRegistration(registration({ contractorUnitIds: ['U3'] }))).sort()).toEqual(['leadUnitId', 'leaderId', 'responsibleUnitId'])
    expect(Object.keys(checkRegistration(registration({ leaderId: 'L', leadUnitId: 'U1' })))).toEqual(['responsibleUnitId'])
  })
})

describe('the annual plan', () => {
  const months = (...given: string[]) => [...given, ...Array<string>(12 - given.length).fill('')]

  it('takes blank months as 0 and needs a reason only for a revision', () => {
    const form = { year: 2026, monthlyWan: months('100', '200.5'), reason: '' }
    expect(checkAnnualPlan(form, { planExists: false, totalInvestment: '250000000.00' })).toEqual({})
    expect(Object.keys(checkAnnualPlan(form, { planExists: true, totalInvestment: '250000000.00' }))).toEqual(['reason'])
    expect(checkAnnualPlan({ ...form, reason: '征迁滞后' }, { planExists: true, totalInvestment: null })).toEqual({})
  })

  it('marks each bad month and the plan as a whole', () => {
    const errors = checkAnnualPlan({ year: 2026, monthlyWan: months('1', '-2', 'x', '0.00001'), reason: '' }, { planExists: false, totalInvestment: null })
    expect(Object.keys(errors).sort()).toEqual(['month2', 'month3', 'month4', 'monthly'])
    expect(errors.monthly).toContain('2、3、4')
  })

  it('refuses a year above the total investment, compared exactly', () => {
    const form = { year: 2026, monthlyWan: months('12500', '12500.0001'), reason: '' }
    expect(Object.keys(checkAnnualPlan(form, { planExists: false, totalInvestment: '250000000.00' }))).toEqual(['monthly'])
    expect(checkAnnualPlan({ ...form, monthlyWan: months('12500', '12500') }, { planExists: false, totalInvestment: '250000000.00' })).toEqual({})
    expect(Object.keys(checkAnnualPlan(form, { planExists: false, totalInvestment: 250000000 }))).toEqual(['monthly'])
  })
})

describe('nodes', () => {
  it('need a kind, a date, and a name when custom', () => {
    expect(checkNodePlan({ kind: 'PERMITS', name: '', plannedDate: '2026-05-01' })).toEqual({})
    expect(Object.keys(checkNodePlan({ kind: 'CUSTOM', name: ' ', plannedDate: '' })).sort()).toEqual(['name', 'plannedDate'])
    expect(Object.keys(checkNodePlan({ kind: '', name: '', plannedDate: '2026-05-01' }))).toEqual(['kind'])
  })

  it('are re-planned with a date and a reason', () => {
    expect(checkReplan({ plannedDate: '2026-09-30', reason: '征迁延后' })).toEqual({})
    expect(Object.keys(checkReplan({ plannedDate: '', reason: '  ' })).sort()).toEqual(['plannedDate', 'reason'])
  })

  it('show the API errors the form has no field for above it', () => {
    expect(strayErrors({ plannedDate: 'a', nodeId: '节点已完成', month3: 'x' }, ['plannedDate'])).toBe('节点已完成')
  })
})

describe('one idempotency key per opening of a form', () => {
  const keys = () => { let n = 0; return () => `key-${++n}` }

  it('keeps the key across a retry, a double submit and a corrected input, and renews it on the next opening', async () => {
    const submission = new FormOpeningSubmission(keys())
    const seen: string[] = []
    let drops = 1
    const send = async (key: string) => {
      seen.push(key)
      if (drops-- > 0) throw new RequestError(NETWORK, '网络连接中断', true)
      return key
    }
    await submission.submit({ name: 'a' }, send, { sleep: async () => {} })
    await submission.submit({ name: 'a, corrected' }, send)
    expect(seen).toEqual(['key-1', 'key-1', 'key-1'])
    submission.open()
    await submission.submit({ name: 'b' }, send)
    expect(seen.at(-1)).toBe('key-2')
  })
})

describe('a planning form while it sends', () => {
  it('ignores a second click, and a corrected re-submit after the API refused a field keeps the key', async () => {
    const { useFormOpeningSubmitter } = await import('../src/api/submit')
    let n = 0
    const form = useFormOpeningSubmitter({}, new FormOpeningSubmission(() => `key-${++n}`))
    form.open()
    const sent: string[] = []
    let answer = (_: { errors: { code: string; message: string; field: string[] | null }[] }) => {}
    const send = (key: string) => {
      sent.push(key)
      return new Promise<{ errors: { code: string; message: string; field: string[] | null }[] }>((resolve) => { answer = resolve })
    }
    const first = form.submit({ reason: '' }, send, (p) => p.errors)
    expect(form.busy.value).toBe(true)
    expect(await form.submit({ reason: '' }, send, (p) => p.errors)).toBeNull()
    answer({ errors: [{ code: 'REQUIRED', message: '调整计划须说明原因', field: ['input', 'reason'] }] })
    expect(await first).toBeNull()
    expect(form.fieldErrors.reason).toBe('调整计划须说明原因')
    const second = form.submit({ reason: '征迁滞后' }, send, (p) => p.errors)
    answer({ errors: [] })
    expect(await second).toEqual({ errors: [] })
    expect(sent).toEqual(['key-2', 'key-2'])
    form.open()
    expect(form.key()).toBe('key-3')
    expect(form.fieldErrors.reason).toBeUndefined()
  })
})
