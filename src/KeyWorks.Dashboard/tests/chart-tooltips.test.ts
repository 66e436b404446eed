import { describe, expect, it } from 'vitest'
import { completionBarsOption, escapeHtml, ganttOption } from '../src/charts/options'
import type { GroupFigures } from '../src/api/documents/overview'
import type { ProjectNodeRow } from '../src/api/documents/projects'

const hostile = '"><img src=x onerror=alert(1)><script>alert("x")</script>'

type Formatter = (params: unknown) => string

function tooltipOf(option: unknown): Formatter {
  return (option as { tooltip: { formatter: Formatter } }).tooltip.formatter
}

describe('tooltips built from typed text', () => {
  it('escape markup', () => {
    expect(escapeHtml(`a & ${hostile} 'b'`)).toBe('a &amp; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;b&#39;')
  })

  it('show a group name as text', () => {
    const group = { name: hostile, projectCount: 2, figures: { annualCompletionRate: '50', timeProgress: '60' } } as unknown as GroupFigures
    const html = tooltipOf(completionBarsOption([group], '60'))([{ dataIndex: 0 }])
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script')
    expect(html).toContain(escapeHtml(hostile))
  })

  it('show a node name and a re-planning reason as text', () => {
    const node = { name: hostile, plannedDate: '2027-03-01', replannedDate: '2027-04-01', replanReason: hostile, actualDate: null, reportedDate: null, latestAllowedDate: null, overdueDays: 0 } as unknown as ProjectNodeRow
    const html = tooltipOf(ganttOption([node], '2027-01-01', '2027-02-01'))({ value: [0] })
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script')
    expect(html.split(escapeHtml(hostile)).length).toBe(3)
  })
})
