import { describe, expect, it } from 'vitest'
import { endOfDayAsOf, formatMoney, formatMonth, formatPercent, formatProgressGap, formatSignedPoints, moneyIn, wanToYuan } from '../src/format'

describe('money', () => {
  it('shows 亿元 from one hundred million yuan up', () => {
    expect(formatMoney('15500000000.00')).toBe('155.00亿元')
    expect(formatMoney('100000000')).toBe('1.00亿元')
  })

  it('shows 万元 below one hundred million yuan, with thousands separators', () => {
    expect(formatMoney('32805000.00')).toBe('3,280.50万元')
    expect(formatMoney('99999999.99')).toBe('10,000.00万元')
  })

  it('rounds half away from zero on exact digits, not binary floats', () => {
    expect(moneyIn('1234500.00', '万元', 1)).toBe('123.5')
    expect(moneyIn('1234499.99', '万元', 1)).toBe('123.4')
    expect(moneyIn('0.015', '元', 2)).toBe('0.02')
    expect(moneyIn('-1234500', '万元', 1)).toBe('-123.5')
  })

  it('converts 万元 typed by a person to exact yuan', () => {
    expect(wanToYuan('12.5')).toBe('125000.00')
    expect(wanToYuan('0.0001')).toBe('1.00')
    expect(wanToYuan('3280.123456')).toBe('32801234.56')
    expect(wanToYuan('12,5')).toBeNull()
    expect(wanToYuan('')).toBeNull()
  })

  it('shows a dash for a missing figure', () => {
    expect(formatMoney(null)).toBe('—')
    expect(formatMoney('not a number')).toBe('—')
  })
})

describe('percentages and the gap to 序时进度', () => {
  it('shows a rate with one decimal', () => {
    expect(formatPercent('87.456')).toBe('87.5%')
    expect(formatPercent('100')).toBe('100.0%')
    expect(formatPercent('0.04', 2)).toBe('0.04%')
  })

  it('says 快于 when ahead and 慢于 when behind, in points', () => {
    expect(formatProgressGap('3.24')).toBe('快于序时进度 3.2 个百分点')
    expect(formatProgressGap('-12.05')).toBe('慢于序时进度 12.1 个百分点')
  })

  it('says 持平 when the gap rounds to zero', () => {
    expect(formatProgressGap('0.04')).toBe('与序时进度持平')
    expect(formatProgressGap('-0.04')).toBe('与序时进度持平')
  })

  it('signs a change', () => {
    expect(formatSignedPoints('2.345')).toBe('+2.3')
    expect(formatSignedPoints('-1')).toBe('-1.0')
    expect(formatSignedPoints('0')).toBe('0.0')
  })
})

describe('dates', () => {
  it('reads an as-of day as its end in China Standard Time', () => {
    expect(endOfDayAsOf('2026-10-31')).toBe('2026-10-31T23:59:59+08:00')
  })

  it('names a month the Chinese way', () => {
    expect(formatMonth('2026-04-01')).toBe('2026年4月')
  })
})
