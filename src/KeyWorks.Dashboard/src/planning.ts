import type { Decimal, NodeKind, ProjectCategory } from './api/scalars'
import { tr } from './i18n'

/**
 * The office's planning forms (项目登记, 年度计划, 节点计划, 节点调整): money typed in 万元 and sent as whole yuan,
 * and the checks the API makes, run before sending so the office sees them at once. Money is handled as decimal
 * digits and BigInt, never as binary floats.
 */

const wanPattern = /^(\d+)(?:\.(\d{1,4}))?$/

/**
 * 万元 as people type them to whole yuan, e.g. "1234.5678" → "12345678", "12.5" → "125000".
 * Null for anything else: a negative amount, more than 4 decimals (a fraction of a yuan), grouping commas, words.
 */
export function wanToWholeYuan(text: string): Decimal | null {
  const match = wanPattern.exec(text.trim())
  if (!match) return null
  const yuan = BigInt(match[1]!) * 10_000n + BigInt((match[2] ?? '').padEnd(4, '0'))
  return yuan.toString()
}

/**
 * Yuan (as the API gives them, e.g. "12345678.00"; a JSON number is taken too) to 万元 without trailing zeros:
 * "1234.5678"; null when not a whole, non-negative number of yuan.
 */
export function yuanToWan(yuan: Decimal | number): string | null {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(String(yuan).trim())
  if (!match || /[1-9]/.test(match[2] ?? '')) return null
  const digits = match[1]!.replace(/^0+(?=\d)/, '').padStart(5, '0')
  const whole = digits.slice(0, -4).replace(/^0+(?=\d)/, '')
  const fraction = digits.slice(-4).replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : whole
}

/** The exact sum of whole-yuan amounts. */
export function sumYuan(amounts: Decimal[]): Decimal {
  return amounts.reduce((sum, a) => sum + BigInt(a), 0n).toString()
}

export type FieldErrors = Record<string, string>

const blank = (text: string | null | undefined) => !text || !text.trim()

export interface RegistrationForm {
  name: string
  category: ProjectCategory | ''
  township: string
  scale: string
  description: string
  totalInvestmentWan: string
  plannedStart: string | null
  plannedCompletion: string | null
  leaderId: string
  leadUnitId: string
  responsibleUnitId: string
  contractorUnitIds: string[]
}

/** Errors by the API's input field names, as `registerProject` would give them. */
export function checkRegistration(form: RegistrationForm): FieldErrors {
  const errors: FieldErrors = {}
  if (blank(form.name)) errors.name = tr('请填写项目名称', 'Enter the project name')
  if (!form.category) errors.category = tr('请选择项目类别', 'Choose a category')
  if (blank(form.township)) errors.township = tr('请填写乡镇/街道', 'Enter the township or street')
  if (wanToWholeYuan(form.totalInvestmentWan) === null) {
    errors.totalInvestment = tr('请填写总投资（万元，不小于 0，最多 4 位小数），如 25000', 'Enter the total investment in 万元 (not negative, at most 4 decimals), e.g. 25000')
  }
  if (!form.plannedStart) errors.plannedStart = tr('请选择计划开工日期', 'Choose the planned start')
  if (!form.plannedCompletion) errors.plannedCompletion = tr('请选择计划竣工日期', 'Choose the planned completion')
  else if (form.plannedStart && form.plannedCompletion < form.plannedStart) {
    errors.plannedCompletion = tr('计划竣工日期早于计划开工日期', 'The planned completion is before the planned start')
  }
  // The API assigns leader and units together: naming any of them requires the leader, lead and responsible unit.
  const assigning = !!(form.leaderId || form.leadUnitId || form.responsibleUnitId || form.contractorUnitIds.length)
  if (assigning) {
    if (!form.leaderId) errors.leaderId = tr('指定单位时须指定分包领导', 'Choose the leader together with the units')
    if (!form.leadUnitId) errors.leadUnitId = tr('须指定牵头单位', 'Choose the lead unit')
    if (!form.responsibleUnitId) errors.responsibleUnitId = tr('须指定责任单位', 'Choose the responsible unit')
  }
  return errors
}

export interface AnnualPlanForm {
  year: number | null
  /** Twelve amounts in 万元, January first; a blank month is 0. */
  monthlyWan: string[]
  reason: string
}

/** The twelve months in whole yuan, or null when any is not a valid amount. */
export function monthlyYuan(monthlyWan: string[]): Decimal[] | null {
  const amounts = monthlyWan.map((m) => (blank(m) ? '0' : wanToWholeYuan(m)))
  return amounts.every((a): a is Decimal => a !== null) ? amounts : null
}

/**
 * Errors by input field (`monthly`, `reason`, `year`, and `month1`…`month12` beside each bad month). A reason is
 * required when the year already has a plan (a revision); the year's total may not exceed the total investment.
 */
export function checkAnnualPlan(form: AnnualPlanForm, context: { planExists: boolean; totalInvestment: Decimal | number | null }): FieldErrors {
  const errors: FieldErrors = {}
  if (!form.year || form.year < 2000 || form.year > 2100) errors.year = tr('请选择年度', 'Choose the year')
  if (form.monthlyWan.length !== 12) errors.monthly = tr('年度计划需 12 个月', 'A plan has 12 months')
  const bad: number[] = []
  form.monthlyWan.forEach((m, i) => {
    if (!blank(m) && wanToWholeYuan(m) === null) {
      bad.push(i + 1)
      errors[`month${i + 1}`] = tr('金额不对', 'Not an amount')
    }
  })
  if (bad.length) {
    errors.monthly = tr(`${bad.join('、')} 月的金额不对：填不小于 0 的万元数，最多 4 位小数`, `Months ${bad.join(', ')}: enter 万元, not negative, at most 4 decimals`)
  } else if (!errors.monthly && context.totalInvestment !== null) {
    const total = sumYuan(monthlyYuan(form.monthlyWan) ?? [])
    const whole = String(context.totalInvestment).split('.')[0] ?? '0'
    if (/^\d+$/.test(whole) && BigInt(total) > BigInt(whole)) errors.monthly = tr('年度计划超过项目总投资', 'The plan exceeds the total investment')
  }
  if (context.planExists && blank(form.reason)) errors.reason = tr('该年度计划已下达，调整须说明原因', 'The plan is set; give the reason for revising it')
  return errors
}

export interface NodePlanForm {
  kind: NodeKind | ''
  name: string
  plannedDate: string | null
}

export function checkNodePlan(form: NodePlanForm): FieldErrors {
  const errors: FieldErrors = {}
  if (!form.kind) errors.kind = tr('请选择节点类型', 'Choose the kind of node')
  if (form.kind === 'CUSTOM' && blank(form.name)) errors.name = tr('自定义节点须填写名称', 'A custom node needs a name')
  if (!form.plannedDate) errors.plannedDate = tr('请选择计划完成日期', 'Choose the planned date')
  return errors
}

export interface ReplanForm {
  plannedDate: string | null
  reason: string
}

export function checkReplan(form: ReplanForm): FieldErrors {
  const errors: FieldErrors = {}
  if (!form.plannedDate) errors.plannedDate = tr('请选择调整后的日期', 'Choose the new date')
  if (blank(form.reason)) errors.reason = tr('请填写调整原因', 'Give the reason')
  return errors
}

/** The API's field errors about inputs the form has no place for (e.g. `projectId` of a suspended project), joined. */
export function strayErrors(errors: FieldErrors, shown: string[]): string {
  return Object.entries(errors).filter(([field]) => !shown.includes(field) && !/^month\d+$/.test(field)).map(([, message]) => message).join('；')
}
