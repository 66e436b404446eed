import type { Decimal } from './api/scalars'
import { tr } from './i18n'

/**
 * Formatting of figures for people: money in 亿元 / 万元, rates in percent, the gap to 序时进度 in points.
 * Money arrives as exact decimal strings; scaling and rounding are done on BigInt digits, never on binary floats.
 */

interface Fixed {
  negative: boolean
  /** All digits as an integer, the value being digits / 10^scale. */
  digits: bigint
  scale: number
}

const decimalPattern = /^([+-])?(\d*)(?:\.(\d*))?$/

function parse(value: Decimal | number): Fixed | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim()
  if (/e/i.test(text)) return parse(Number(text).toFixed(12))
  const match = decimalPattern.exec(text)
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null
  const whole = match[2] || '0'
  const fraction = match[3] ?? ''
  return { negative: match[1] === '-', digits: BigInt(whole + fraction), scale: fraction.length }
}

/** Divides by 10^shift and rounds half away from zero to `places` decimals; returns the plain digits text. */
function scaleAndRound(value: Fixed, shift: number, places: number): { negative: boolean; whole: string; fraction: string } {
  // value = digits / 10^(scale + shift); we want round(value * 10^places).
  const exponent = value.scale + shift - places
  let scaled: bigint
  if (exponent <= 0) {
    scaled = value.digits * 10n ** BigInt(-exponent)
  } else {
    const divisor = 10n ** BigInt(exponent)
    scaled = value.digits / divisor
    if ((value.digits % divisor) * 2n >= divisor) scaled += 1n
  }
  const text = scaled.toString().padStart(places + 1, '0')
  const whole = text.slice(0, text.length - places)
  const fraction = places > 0 ? text.slice(text.length - places) : ''
  return { negative: value.negative && scaled !== 0n, whole, fraction }
}

function group(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function render(parts: { negative: boolean; whole: string; fraction: string }, grouping: boolean): string {
  const whole = grouping ? group(parts.whole) : parts.whole
  return `${parts.negative ? '-' : ''}${whole}${parts.fraction ? `.${parts.fraction}` : ''}`
}

export type MoneyUnit = '亿元' | '万元' | '元'

const shifts: Record<MoneyUnit, number> = { 亿元: 8, 万元: 4, 元: 0 }

/** Yuan as a number of the unit, e.g. ("155000000.00", "亿元") → "1.55". */
export function moneyIn(yuan: Decimal | number | null | undefined, unit: MoneyUnit, places = 2): string {
  if (yuan === null || yuan === undefined) return '—'
  const value = parse(yuan)
  if (!value) return '—'
  return render(scaleAndRound(value, shifts[unit], places), true)
}

/** Yuan with its unit: 亿元 from 1 亿 up, else 万元; e.g. "1.55亿元", "3,280.50万元". */
export function formatMoney(yuan: Decimal | number | null | undefined, unit?: MoneyUnit, places = 2): string {
  if (yuan === null || yuan === undefined) return '—'
  const value = parse(yuan)
  if (!value) return '—'
  const chosen = unit ?? (absAtLeast(value, 100_000_000n) ? '亿元' : '万元')
  return `${render(scaleAndRound(value, shifts[chosen], places), true)}${chosen}`
}

function absAtLeast(value: Fixed, bound: bigint): boolean {
  return value.digits >= bound * 10n ** BigInt(value.scale)
}

/** A percent figure (0–100) as "87.5%". */
export function formatPercent(percent: Decimal | number | null | undefined, places = 1): string {
  if (percent === null || percent === undefined) return '—'
  const value = parse(percent)
  if (!value) return '—'
  return `${render(scaleAndRound(value, 0, places), false)}%`
}

/** The gap to 序时进度 in words: "快于序时进度 3.2 个百分点", "慢于序时进度 12.0 个百分点", "与序时进度持平". */
export function formatProgressGap(points: Decimal | number | null | undefined, places = 1): string {
  if (points === null || points === undefined) return '—'
  const value = parse(points)
  if (!value) return '—'
  const rounded = scaleAndRound(value, 0, places)
  const magnitude = render({ ...rounded, negative: false }, false)
  if (/^[0.]*$/.test(magnitude)) return tr('与序时进度持平', 'level with time progress')
  return tr(
    `${rounded.negative ? '慢于' : '快于'}序时进度 ${magnitude} 个百分点`,
    `${magnitude} points ${rounded.negative ? 'behind' : 'ahead of'} time progress`,
  )
}

/** Signed points for a change, e.g. "+2.3" / "-1.0". */
export function formatSignedPoints(points: Decimal | number | null | undefined, places = 1): string {
  if (points === null || points === undefined) return '—'
  const value = parse(points)
  if (!value) return '—'
  const rounded = scaleAndRound(value, 0, places)
  const text = render(rounded, false)
  return rounded.negative || /^[0.]*$/.test(rounded.whole + rounded.fraction) ? text : `+${text}`
}

/** A decimal as a float, for chart axes only (display, never arithmetic on money). */
export function toChartNumber(value: Decimal | null | undefined, unit: MoneyUnit = '元'): number {
  if (value === null || value === undefined) return 0
  return Number(moneyIn(value, unit, 4).replace(/,/g, ''))
}

/**
 * A money input in 万元 (as people type it) to exact yuan, e.g. "12.5" → "125000.00".
 * Returns null when the text is not a plain decimal number with at most 6 decimals (i.e. whole 分).
 */
export function wanToYuan(text: string): Decimal | null {
  const trimmed = text.trim()
  if (!/^-?\d+(\.\d{1,6})?$/.test(trimmed)) return null
  const value = parse(trimmed)
  if (!value) return null
  return render(scaleAndRound(value, -4, 2), false)
}

/** "2026-10-01" → "2026年10月". */
export function formatMonth(date: string | null | undefined): string {
  if (!date) return '—'
  const [year, month] = date.split('-')
  return tr(`${year}年${Number(month)}月`, `${year}-${month}`)
}

/** "2026-10-31" → "2026-10-31"; a DateTime → "2026-10-31 14:05" in its own offset. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—'
  if (value.length <= 10) return value
  return value.slice(0, 16).replace('T', ' ')
}

/** The end of a business day in China Standard Time, as the `asOf` of the as-of picker. */
export function endOfDayAsOf(date: string): string {
  return `${date}T23:59:59+08:00`
}
