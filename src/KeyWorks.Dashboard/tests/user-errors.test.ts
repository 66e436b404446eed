import { describe, expect, it } from 'vitest'
import { splitUserErrors } from '../src/api/submit'

describe('payload errors', () => {
  it('go beside the field named by the last element of their path', () => {
    const { fields, general } = splitUserErrors([
      { code: 'AMOUNT_NEGATIVE', message: '金额不能为负数', field: ['input', 'amount'] },
      { code: 'MONTH_IN_FUTURE', message: '月份不能晚于本月', field: ['input', 'month'] },
    ])
    expect(fields).toEqual({ amount: '金额不能为负数', month: '月份不能晚于本月' })
    expect(general).toEqual([])
  })

  it('join when one field has several', () => {
    const { fields } = splitUserErrors([
      { code: 'A', message: '甲', field: ['input', 'note'] },
      { code: 'B', message: '乙', field: ['input', 'note'] },
    ])
    expect(fields.note).toBe('甲；乙')
  })

  it('without a field, or about the whole input, are shown above the form', () => {
    const { fields, general } = splitUserErrors([
      { code: 'VERSION_CONFLICT', message: '数据已被他人修改', field: null },
      { code: 'X', message: '整体有误', field: ['input'] },
    ])
    expect(fields).toEqual({})
    expect(general).toEqual(['数据已被他人修改', '整体有误'])
  })
})
