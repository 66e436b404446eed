import type { ProjectRow } from './api/documents/projects'
import { formatPercent, formatProgressGap, moneyIn } from './format'
import { categoryLabels, lightLabels, projectStatusLabels } from './labels'

/** The project list as a sheet: headers first, money in 万元 as numbers so Excel can sum them. */
export function projectSheet(rows: ProjectRow[]): (string | number | null)[][] {
  const wan = (v: string) => Number(moneyIn(v, '万元', 2).replace(/,/g, ''))
  return [
    ['项目名称', '类别', '乡镇/街道', '状态', '分包领导', '责任单位', '总投资（万元）', '年度计划（万元）', '年度完成（万元）',
      '投资完成率', '序时进度', '进度差', '形象进度', '状态灯', '统计截止'],
    ...rows.map((p) => [
      p.name, categoryLabels[p.category], p.township, projectStatusLabels[p.status], p.leader?.name ?? '', p.responsibleUnit?.name ?? '',
      wan(p.figures.totalInvestment), wan(p.figures.annualPlan), wan(p.figures.completedThisYear),
      formatPercent(p.figures.annualCompletionRate), formatPercent(p.figures.timeProgress), formatProgressGap(p.figures.progressGap),
      p.figures.physicalProgress === null ? '' : formatPercent(p.figures.physicalProgress),
      lightLabels[p.figures.light], p.figures.asOfDate,
    ]),
  ]
}

/** Writes an .xlsx in the browser; the writer is loaded only when someone exports. */
export async function downloadXlsx(sheet: (string | number | null)[][], fileName: string): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  const data = sheet.map((row, index) =>
    row.map((value) => (value === null || value === '' ? null : { value, fontWeight: index === 0 ? ('bold' as const) : undefined })),
  )
  const blob = await writeXlsxFile(data, { sheet: '项目', stickyRowsCount: 1, columns: sheet[0]?.map((_, i) => ({ width: i === 0 ? 36 : 14 })) }).toBlob()
  saveBlob(blob, fileName)
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
