import type { CustomSeriesRenderItem, EChartsOption } from 'echarts'
import { tr } from '../i18n'
import type { GroupFigures, MonthPoint } from '../api/documents/overview'
import type { ProjectNodeRow } from '../api/documents/projects'
import type { Decimal, Light } from '../api/scalars'
import { formatMonth, toChartNumber } from '../format'
import { lightColors, lightLabels } from '../labels'

/** Chart options for the dashboard; the figures come from the API, the charts only draw them. */

const palette = { planned: '#8aa4c8', actual: '#1f6fd1', timeProgress: '#d9363e', behind: '#e6a23c', grid: '#e5e8ef' }

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Text for a tooltip built by a formatter function: ECharts puts its result in the page as HTML (unlike string
 * templates, which it escapes), so names and reasons users typed must be escaped first.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c)
}

/** 亿元 when the largest amount reaches one 亿, else 万元. */
function moneyUnit(values: Decimal[]): '亿元' | '万元' {
  return values.some((v) => toChartNumber(v, '亿元') >= 1) ? '亿元' : '万元'
}

export function sCurveOption(series: MonthPoint[]): EChartsOption {
  const unit = moneyUnit(series.map((p) => p.plannedCumulative))
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(2)} ${unit}` },
    legend: { data: [tr('计划累计', 'Planned, cumulative'), tr('实际累计', 'Actual, cumulative')], top: 0 },
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: series.map((p) => tr(`${Number(p.month.slice(5, 7))}月`, p.month.slice(0, 7))), boundaryGap: false },
    yAxis: { type: 'value', name: unit, splitLine: { lineStyle: { color: palette.grid } } },
    series: [
      { name: tr('计划累计', 'Planned, cumulative'), type: 'line', data: series.map((p) => toChartNumber(p.plannedCumulative, unit)), lineStyle: { type: 'dashed', color: palette.planned }, itemStyle: { color: palette.planned }, symbol: 'none' },
      { name: tr('实际累计', 'Actual, cumulative'), type: 'line', data: series.map((p) => toChartNumber(p.actualCumulative, unit)), lineStyle: { width: 3, color: palette.actual }, itemStyle: { color: palette.actual }, areaStyle: { opacity: 0.08 } },
    ],
  }
}

/** Annual completion rate per group as bars, with the programme's 序时进度 as a line. */
export function completionBarsOption(groups: GroupFigures[], timeProgress: Decimal, horizontal = false): EChartsOption {
  const line = toChartNumber(timeProgress)
  const categoryAxis = { type: 'category' as const, data: groups.map((g) => g.name), axisLabel: { interval: 0, rotate: horizontal ? 0 : groups.length > 6 ? 30 : 0 } }
  const valueAxis = { type: 'value' as const, name: '%', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10), splitLine: { lineStyle: { color: palette.grid } } }
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params
        const group = groups[first?.dataIndex ?? 0]
        return group ? `${escapeHtml(group.name)}（${group.projectCount}${tr('个项目', ' projects')}）<br/>${tr('投资完成率', 'completion rate')} ${Number(group.figures.annualCompletionRate).toFixed(1)}%<br/>${tr('序时进度', 'time progress')} ${Number(group.figures.timeProgress).toFixed(1)}%` : ''
      },
    },
    grid: { left: horizontal ? 96 : 40, right: 72, top: 28, bottom: horizontal ? 24 : 56 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        data: groups.map((g) => ({
          value: toChartNumber(g.figures.annualCompletionRate),
          itemStyle: { color: toChartNumber(g.figures.annualCompletionRate) < toChartNumber(g.figures.timeProgress) ? palette.behind : palette.actual },
        })),
        label: { show: true, position: horizontal ? 'right' : 'top', formatter: (p) => `${Number(p.value).toFixed(1)}`, fontSize: 11 },
        markLine: {
          symbol: 'none',
          lineStyle: { color: palette.timeProgress, type: 'dashed', width: 2 },
          label: { formatter: `${tr('序时进度', 'time progress')}\n${line.toFixed(1)}%`, position: 'end', color: palette.timeProgress },
          data: [horizontal ? { xAxis: line } : { yAxis: line }],
        },
      },
    ],
  }
}

export function lightsPieOption(lights: { light: Light; count: number }[]): EChartsOption {
  return {
    tooltip: { trigger: 'item', formatter: tr('{b}：{c} 个（{d}%）', '{b}: {c} ({d}%)') },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['38%', '70%'],
        center: ['50%', '45%'],
        label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold', fontSize: 14 },
        data: lights.map((l) => ({ name: lightLabels[l.light], value: l.count, itemStyle: { color: lightColors[l.light] } })),
      },
    ],
  }
}

/** Monthly planned versus completed bars, and the cumulative curves on a second axis. */
export function monthlyOption(series: MonthPoint[]): EChartsOption {
  const unit = moneyUnit(series.map((p) => p.plannedCumulative))
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(2)} ${unit}` },
    legend: { top: 0, type: 'scroll', data: [tr('月计划', 'Planned'), tr('月完成', 'Completed'), tr('计划累计', 'Planned, cumulative'), tr('完成累计', 'Completed, cumulative')] },
    grid: { left: 56, right: 56, top: 56, bottom: 28 },
    xAxis: { type: 'category', data: series.map((p) => formatMonth(p.month).slice(5)) },
    yAxis: [
      { type: 'value', name: `${tr('月度', 'month')}（${unit}）`, splitLine: { lineStyle: { color: palette.grid } } },
      { type: 'value', name: `${tr('累计', 'cumulative')}（${unit}）`, splitLine: { show: false } },
    ],
    series: [
      { name: tr('月计划', 'Planned'), type: 'bar', data: series.map((p) => toChartNumber(p.planned, unit)), itemStyle: { color: palette.planned } },
      { name: tr('月完成', 'Completed'), type: 'bar', data: series.map((p) => toChartNumber(p.actual, unit)), itemStyle: { color: palette.actual } },
      { name: tr('计划累计', 'Planned, cumulative'), type: 'line', yAxisIndex: 1, data: series.map((p) => toChartNumber(p.plannedCumulative, unit)), lineStyle: { type: 'dashed' }, itemStyle: { color: '#7b8794' }, symbol: 'none' },
      { name: tr('完成累计', 'Completed, cumulative'), type: 'line', yAxisIndex: 1, data: series.map((p) => toChartNumber(p.actualCumulative, unit)), itemStyle: { color: '#2e9e5b' } },
    ],
  }
}

const day = 86_400_000
const time = (date: string) => Date.parse(`${date}T00:00:00+08:00`)

type Span = [row: number, start: number, end: number]

/** A bar in the upper or lower half of a row. */
function spanRenderer(half: 'upper' | 'lower', color: string, dashed = false): CustomSeriesRenderItem {
  return (_params, api) => {
    const start = api.coord([api.value(1), api.value(0)])
    const end = api.coord([api.value(2), api.value(0)])
    const band = (api.size?.([0, 1]) as number[])[1] ?? 20
    const height = band * 0.28
    const y = (start[1] ?? 0) + (half === 'upper' ? -height - 1 : 1)
    return {
      type: 'rect',
      shape: { x: start[0] ?? 0, y, width: Math.max(3, (end[0] ?? 0) - (start[0] ?? 0)), height, r: 2 },
      style: dashed ? { fill: 'transparent', stroke: color, lineDash: [4, 3], lineWidth: 1.5 } : { fill: color },
    }
  }
}

/** A marker at one date of a row: a diamond, or a vertical tick. */
function markerRenderer(shape: 'diamond' | 'tick' | 'ring', color: string): CustomSeriesRenderItem {
  return (_params, api) => {
    const [x = 0, y = 0] = api.coord([api.value(1), api.value(0)])
    const band = (api.size?.([0, 1]) as number[])[1] ?? 20
    const r = Math.min(7, band * 0.22)
    if (shape === 'tick') {
      return { type: 'line', shape: { x1: x, y1: y - band * 0.38, x2: x, y2: y + band * 0.38 }, style: { stroke: color, lineWidth: 3 } }
    }
    if (shape === 'ring') {
      return { type: 'circle', shape: { cx: x, cy: y, r }, style: { fill: '#fff', stroke: color, lineWidth: 2 } }
    }
    return { type: 'polygon', shape: { points: [[x, y - r], [x + r, y], [x, y + r], [x - r, y]] }, style: { fill: color } }
  }
}

/**
 * The node Gantt: planned spans (upper half), actual spans (lower half), re-planned dates, dates awaiting
 * confirmation, and the latest allowed dates from backward scheduling, with the figures' date as a line.
 * A node's span runs from the previous node's date (or the planned start) to its own.
 */
export function ganttOption(nodes: ProjectNodeRow[], plannedStart: string | null, asOfDate: string): EChartsOption {
  const rows = [...nodes].sort((a, b) => a.sequence - b.sequence)
  const planned: Span[] = []
  const actual: Span[] = []
  const replanned: Span[] = []
  const replannedMarks: [number, number][] = []
  const reported: [number, number][] = []
  const latest: [number, number][] = []
  let previousPlanned = plannedStart ? time(plannedStart) : null
  let previousActual = plannedStart ? time(plannedStart) : null
  rows.forEach((node, row) => {
    const own = node.plannedDate ? time(node.plannedDate) : null
    if (own !== null) {
      planned.push([row, previousPlanned ?? own - 30 * day, own])
      previousPlanned = own
    }
    if (node.replannedDate) {
      const re = time(node.replannedDate)
      replannedMarks.push([row, re])
      if (own !== null) replanned.push([row, Math.min(own, re), Math.max(own, re)])
      previousPlanned = re
    }
    if (node.actualDate) {
      const done = time(node.actualDate)
      actual.push([row, previousActual ?? done - 30 * day, done])
      previousActual = done
    }
    if (node.reportedDate) reported.push([row, time(node.reportedDate)])
    if (node.latestAllowedDate) latest.push([row, time(node.latestAllowedDate)])
  })
  const custom = (name: string, data: (Span | [number, number])[], renderItem: CustomSeriesRenderItem, color: string, z = 2) => ({
    name, type: 'custom' as const, renderItem, data, z, itemStyle: { color },
    encode: { x: data[0] && data[0].length === 3 ? [1, 2] : [1], y: 0 },
  })
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const params = Array.isArray(p) ? p[0] : p
        const node = rows[(params?.value as number[] | undefined)?.[0] ?? 0]
        if (!node) return ''
        const lines = [
          `<b>${escapeHtml(node.name)}</b>`,
          `${tr('计划', 'planned')} ${node.plannedDate ?? '—'}${node.replannedDate ? `${tr('，调整为', ', re-planned to')} ${node.replannedDate}（${escapeHtml(node.replanReason ?? '')}）` : ''}`,
          `${tr('实际', 'actual')} ${node.actualDate ?? '—'}${node.reportedDate ? tr(`，上报 ${node.reportedDate} 待确认`, `, reported ${node.reportedDate}, pending`) : ''}`,
        ]
        if (node.latestAllowedDate) lines.push(`${tr('倒排最迟', 'latest allowed')} ${node.latestAllowedDate}`)
        if (node.overdueDays > 0) lines.push(`<span style="color:#d9363e">${tr(`逾期 ${node.overdueDays} 天`, `${node.overdueDays} days overdue`)}</span>`)
        return lines.join('<br/>')
      },
    },
    legend: { top: 0, type: 'scroll', data: [tr('计划', 'Planned'), tr('实际', 'Actual'), tr('调整后', 'Re-planned'), tr('待确认', 'Reported'), tr('倒排最迟', 'Latest allowed')] },
    grid: { left: 92, right: 24, top: 36, bottom: 36 },
    xAxis: { type: 'time', splitLine: { show: true, lineStyle: { color: palette.grid } }, axisLabel: { formatter: '{yyyy}-{MM}', hideOverlap: true } },
    yAxis: { type: 'category', data: rows.map((n) => n.name), inverse: true, axisTick: { show: false } },
    series: [
      {
        ...custom(tr('计划', 'Planned'), planned, spanRenderer('upper', palette.planned), palette.planned),
        markLine: {
          silent: true, symbol: 'none',
          lineStyle: { color: palette.timeProgress, type: 'solid', width: 1 },
          label: { formatter: `${tr('统计日', 'as of')} ${asOfDate}`, position: 'insideEndTop', color: palette.timeProgress },
          data: [{ xAxis: time(asOfDate) }],
        },
      },
      custom(tr('实际', 'Actual'), actual, spanRenderer('lower', '#2e9e5b'), '#2e9e5b'),
      custom(tr('调整后', 'Re-planned'), replanned, spanRenderer('upper', palette.behind, true), palette.behind, 3),
      custom(tr('调整后', 'Re-planned'), replannedMarks, markerRenderer('diamond', palette.behind), palette.behind, 4),
      custom(tr('待确认', 'Reported'), reported, markerRenderer('ring', '#13a8a8'), '#13a8a8', 4),
      custom(tr('倒排最迟', 'Latest allowed'), latest, markerRenderer('tick', palette.timeProgress), palette.timeProgress, 5),
    ],
  }
}
