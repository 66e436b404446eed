/* Canned data for the layout-review build only. Amounts are whole 万元 turned into yuan strings. */

type Args = Record<string, unknown>
type Context = { token: string | null }

const asOfDate = '2026-11-20'
const month = 11
const yuan = (wan: number) => `${Math.round(wan)}0000.00`
const pct = (value: number) => value.toFixed(2)

let seed = 7
function random(): number {
  seed = (seed * 16807) % 2147483647
  return (seed - 1) / 2147483646
}

const townships = ['狮子山街道', '高新街道', '新城镇', '东湖镇', '西岭乡']
const units = ['区住建局', '区交通局', '区水务局', '区教育局', '区民政局', '高新城投公司', '区城管局', '中建三局', '省路桥集团']
const leaders = [
  { id: 'L1', name: '王建国', title: '区委常委、常务副区长' },
  { id: 'L2', name: '李慧敏', title: '副区长' },
  { id: 'L3', name: '张伟', title: '副区长' },
]
const specs: [string, string, number][] = [
  ['大狮涝河综合整治工程', 'RIVER_REGULATION', 38000], ['科创大道（二期）新建工程', 'ROAD', 126000], ['高新区第一实验学校', 'EDUCATION', 42000],
  ['东湖片区安置房（三期）', 'RESETTLEMENT_HOUSING', 98000], ['区级综合养老服务中心', 'ELDERLY_CARE', 21500], ['新城污水处理厂扩建', 'WATER', 56000],
  ['滨河路跨河大桥', 'BRIDGE', 73000], ['智能制造产业园标准厂房', 'INDUSTRIAL', 150000], ['区文化体育中心', 'PUBLIC_BUILDING', 88000],
  ['西岭乡供水管网改造', 'WATER', 12800], ['学府路道路改造', 'ROAD', 16500], ['狮子山小学扩建', 'EDUCATION', 9800],
  ['生物医药孵化器', 'INDUSTRIAL', 64000], ['东湖镇敬老院改扩建', 'ELDERLY_CARE', 6200], ['高新大道雨污分流', 'WATER', 23800],
  ['幸福河生态修复', 'RIVER_REGULATION', 17600], ['新城中学', 'EDUCATION', 36500], ['光谷路北延', 'ROAD', 54000],
  ['人才公寓（一期）', 'RESETTLEMENT_HOUSING', 47000], ['政务服务中心改造', 'PUBLIC_BUILDING', 8600], ['跨铁路立交桥', 'BRIDGE', 91000],
  ['新能源电池材料项目', 'INDUSTRIAL', 210000], ['老旧小区改造（2026年）', 'RESETTLEMENT_HOUSING', 15200], ['社区卫生服务中心', 'PUBLIC_BUILDING', 7300],
  ['东干渠清淤疏浚', 'RIVER_REGULATION', 5400], ['环湖绿道', 'ROAD', 11200], ['数据中心产业园', 'INDUSTRIAL', 120000],
  ['西岭乡农村公路提档', 'ROAD', 8800], ['区第二幼儿园', 'EDUCATION', 5600], ['智慧停车场', 'PUBLIC_BUILDING', 4300],
]
const nodeChain: [string, string][] = [
  ['PERMITS', '手续办理'], ['LAND_HANDOVER', '征迁交地'], ['CONSTRUCTION_START', '开工建设'],
  ['MAIN_WORKS_COMPLETE', '主体完工'], ['COMPLETION_ACCEPTANCE', '竣工验收'], ['IN_OPERATION', '交付使用'],
]
const curve = [3, 5, 7, 8, 9, 10, 10, 10, 10, 10, 9, 9] // percent of the annual plan each month

const unit = (i: number) => ({ id: `U${i % units.length}`, name: units[i % units.length] })
const date = (m: number, d: number) => `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

function makeProject(spec: [string, string, number], index: number) {
  const [name, category, totalWan] = spec
  const annualWan = Math.round(totalWan * (0.25 + random() * 0.35))
  const pace = index % 7 === 3 ? 0.45 : index % 5 === 1 ? 0.78 : 0.9 + random() * 0.3
  const monthlyPlan = curve.map((c) => Math.round((annualWan * c) / 100))
  const monthlyActual = monthlyPlan.map((p, m) => (m < month ? Math.round(p * pace * (0.8 + random() * 0.4)) : 0))
  let plannedCum = 0
  let actualCum = 0
  const series = monthlyPlan.map((p, m) => {
    plannedCum += p
    actualCum += monthlyActual[m] ?? 0
    return { month: date(m + 1, 1), planned: yuan(p), actual: yuan(monthlyActual[m] ?? 0), plannedCumulative: yuan(plannedCum), actualCumulative: yuan(m < month ? actualCum : actualCum) }
  })
  const plannedToDate = monthlyPlan.slice(0, month - 1).reduce((a, b) => a + b, 0) + Math.round((monthlyPlan[month - 1] ?? 0) * 0.66)
  const done = monthlyActual.reduce((a, b) => a + b, 0)
  const rate = (done / annualWan) * 100
  const timeProgress = (plannedToDate / annualWan) * 100
  const gap = rate - timeProgress
  const earlier = Math.round(totalWan * 0.2)
  const nodes = nodeChain.map(([kind, nodeName], n) => {
    const plannedMonth = Math.min(12, 1 + n * 2 + (index % 3))
    const planned = date(plannedMonth, 15 + (n % 3) * 5)
    const reached = planned < asOfDate && !(index % 7 === 3 && n >= 2)
    const overdue = !reached && planned < asOfDate
    return {
      __typename: 'ProjectNode', id: `P${index}-N${n + 1}`, kind, name: nodeName, sequence: n + 1,
      plannedDate: planned,
      replannedDate: overdue && n === 3 ? date(12, 20) : null,
      replanReason: overdue && n === 3 ? '管线迁改滞后' : null,
      actualDate: reached ? date(plannedMonth, Math.min(28, 10 + n * 4)) : null,
      reportedDate: !reached && n === 2 && index % 4 === 0 ? date(11, 12) : null,
      latestAllowedDate: overdue ? date(Math.max(1, plannedMonth - 1), 28) : null,
      responsibleUnit: unit(index + n),
      status: reached ? 'DONE' : overdue ? 'OVERDUE' : n === 3 ? 'IN_PROGRESS' : 'NOT_STARTED',
      overdueDays: overdue ? Math.round((Date.parse(asOfDate) - Date.parse(planned)) / 86_400_000) : 0,
    }
  })
  const overdueDays = Math.max(0, ...nodes.map((n) => n.overdueDays))
  const light = gap < -30 || overdueDays >= 30 ? 'RED' : gap < -10 || overdueDays > 0 ? 'YELLOW' : 'GREEN'
  const figures = {
    asOfDate, totalInvestment: yuan(totalWan), annualPlan: yuan(annualWan), plannedToDate: yuan(plannedToDate),
    completedThisYear: yuan(done), completedThisMonth: yuan(monthlyActual[month - 1] ?? 0), completedSinceStart: yuan(done + earlier),
    annualCompletionRate: pct(rate), totalCompletionRate: pct(((done + earlier) / totalWan) * 100), timeProgress: pct(timeProgress),
    progressGap: pct(gap), physicalProgress: pct(Math.min(100, rate * 0.8)), nodePunctuality: pct(index % 7 === 3 ? 50 : 100 - (index % 4) * 8),
    earnedValue: {
      pv: yuan(plannedToDate), ev: yuan(done * 0.95), ac: yuan(done), spi: (pace * 0.95).toFixed(2), cpi: '0.95', eac: yuan(totalWan * 1.03),
      earnedSchedule: date(Math.max(1, Math.round(10 * pace)), 1), forecastFinish: `2027-${String(Math.min(12, 6 + Math.round((1 - pace) * 10))).padStart(2, '0')}-30`,
    },
    light,
  }
  return {
    __typename: 'Project', id: `P${index}`, name, category, township: townships[index % townships.length] ?? '',
    scale: category === 'ROAD' ? `全长${1200 + index * 97}米` : `建筑面积${(2 + index) * 1000}平方米`,
    description: '雨污水管道、道路、照明、绿化及附属工程', status: index % 7 === 3 ? 'PLANNED' : 'UNDER_CONSTRUCTION',
    plannedStart: '2026-01-10', plannedCompletion: '2027-06-30',
    leader: leaders[index % leaders.length], leadUnit: unit(index), responsibleUnit: unit(index + 1), contractors: [unit(index + 7), unit(index + 8)],
    figures, annualPlan: { year: 2026, total: yuan(annualWan), monthly: monthlyPlan.map(yuan), revision: index % 3 },
    nodes, monthlySeries: series,
    programme: null as unknown,
    done, annualWan, plannedToDate, started: index % 7 !== 3,
  }
}

export function demoRoot() {
  const projects = specs.map(makeProject)
  const programme = { __typename: 'Programme', id: 'G1', name: '高新区“三十工程”', year: 2026, district: '高新区', office: '高新区重点项目建设指挥部办公室', projectCount: projects.length }
  for (const p of projects) p.programme = programme

  const reportsOf = (p: ReturnType<typeof makeProject>, index: number) => {
    const base = { project: p, submittedBy: '赵工（中建三局）', decidedBy: null, decidedAt: null, rejectionReason: null }
    const confirmedInvestment = { ...base, __typename: 'InvestmentReport', id: `R${index}-1`, kind: 'INVESTMENT', status: 'CONFIRMED', submittedAt: '2026-10-05T09:12:00+08:00', decidedBy: '刘敏（指挥部办公室）', decidedAt: '2026-10-08T15:30:00+08:00', month: '2026-09-01', amount: p.figures.completedThisMonth, cumulative: p.figures.completedSinceStart, note: null, isCorrection: false }
    const pendingProgress = { ...base, __typename: 'ProgressReport', id: `R${index}-2`, kind: 'PROGRESS', status: 'PENDING', submittedAt: '2026-11-18T17:40:00+08:00', month: '2026-11-01', percent: p.figures.physicalProgress, narrative: '雨污水管道、路基和机动车道水稳层铺设已完成；大狮涝河箱涵主体已完工', divergenceFlag: index % 5 === 1 }
    const pendingInvestment = { ...base, __typename: 'InvestmentReport', id: `R${index}-3`, kind: 'INVESTMENT', status: 'PENDING', submittedAt: '2026-11-19T10:05:00+08:00', month: '2026-10-01', amount: yuan(800 + index * 37), cumulative: p.figures.completedSinceStart, note: index % 6 === 0 ? '更正9月金额' : null, isCorrection: index % 6 === 0 }
    const rejected = { ...base, __typename: 'NodeReport', id: `R${index}-4`, kind: 'NODE_REACHED', status: 'REJECTED', submittedAt: '2026-11-02T08:20:00+08:00', decidedBy: '刘敏（指挥部办公室）', decidedAt: '2026-11-03T11:00:00+08:00', rejectionReason: '缺少监理签认的完工证明', node: p.nodes[2], reachedOn: '2026-10-30', note: null }
    return index % 3 === 0 ? [pendingProgress, pendingInvestment, confirmedInvestment, rejected] : [confirmedInvestment]
  }

  const problemStages = ['RAISED', 'ASSIGNED', 'ACCEPTED', 'HANDLED', 'CLOSED']
  const problemTexts: [string, string][] = [
    ['UTILITIES', '箱涵施工段有燃气管线未迁改，影响主体施工'], ['RELOCATION', '3户居民未签订征迁协议'], ['FUNDING', '第三季度工程款未拨付到位'],
    ['APPROVALS', '施工许可证办理滞后，等待消防审查意见'], ['LAND', '用地指标未落实，需调整供地计划'], ['SAFETY', '深基坑监测点位不足'],
    ['OTHER', '夜间施工扰民投诉较多'], ['UTILITIES', '110kV 高压线迁改方案未批复'],
  ]
  const problems = Array.from({ length: 22 }, (_, i) => {
    const project = projects[(i * 5) % projects.length]!
    const stage = problemStages[i % 5]!
    const [category, description] = problemTexts[i % problemTexts.length]!
    const day = 1 + (i % 18)
    const clockStages = ['ASSIGNED', 'ACCEPTED', 'HANDLED'].slice(0, Math.max(0, problemStages.indexOf(stage)))
    const limits: Record<string, number> = { ASSIGNED: 1, ACCEPTED: 6, HANDLED: 10 }
    const clocks = clockStages.map((s, k) => {
      const current = k === clockStages.length - 1 && stage !== 'CLOSED'
      const over = current && i % 3 === 0 ? 2 + (i % 6) : 0
      return {
        stage: s, startedAt: `2026-11-${String(day).padStart(2, '0')}T09:00:00+08:00`, dueAt: `2026-11-${String(Math.min(30, day + (limits[s] ?? 1))).padStart(2, '0')}T09:00:00+08:00`,
        doneAt: current ? null : `2026-11-${String(Math.min(30, day + k + 1)).padStart(2, '0')}T16:00:00+08:00`, overdueDays: over,
      }
    })
    const overdue = clocks.some((c) => c.overdueDays > 0)
    return {
      __typename: 'Problem', id: `Q${i}`, project, category, description, stage,
      assignedUnit: stage === 'RAISED' ? null : project.responsibleUnit, deadline: stage === 'RAISED' ? null : `2026-11-${String(Math.min(30, day + 10)).padStart(2, '0')}`,
      raisedBy: '赵工（中建三局）', raisedAt: `2026-11-${String(day).padStart(2, '0')}T08:30:00+08:00`, clocks, overdue, escalated: overdue && i % 2 === 0,
      closingEvidence: stage === 'CLOSED' ? '已完成迁改，见燃气公司验收单' : null, reopenCount: i === 9 ? 1 : 0,
    }
  })

  const enriched = projects.map((p, index) => {
    const reports = reportsOf(p, index)
    return Object.assign(p, {
      latestProgress: reports.find((r) => r.kind === 'PROGRESS') ?? null,
      reports: ({ status, first }: Args) => connection(reports.filter((r) => !status || r.status === status), Number(first ?? 20), null),
      problems: ({ openOnly }: Args) => problems.filter((q) => q.project === p && (!openOnly || q.stage !== 'CLOSED')),
      inspections: index % 4 === 0 ? [{ id: `I${index}`, project: p, inspectedOn: '2026-10-20', score: (78 + (index % 20)).toFixed(1), remarks: '现场文明施工较好，进度需加快', flag: index % 8 === 0 ? 'RED' : null, inspector: '区督查室' }] : [],
      history: ({ first, after }: Args) => connection(historyOf(p), Number(first ?? 50), (after as string | null) ?? null),
    })
  })

  function historyOf(p: ReturnType<typeof makeProject>) {
    const rows = [
      ['ProjectRegistered', '项目登记', '刘敏（指挥部办公室）', '2026-01-05T10:00:00+08:00', '2026-01-05'],
      ['AnnualPlanSet', `下达2026年度计划 ${p.figures.annualPlan} 元`, '刘敏（指挥部办公室）', '2026-01-08T10:00:00+08:00', '2026-01-01'],
      ['NodePlanned', '计划节点“开工建设”', '刘敏（指挥部办公室）', '2026-01-08T10:05:00+08:00', null],
      ['InvestmentReported', '上报9月完成投资', '赵工（中建三局）', '2026-10-05T09:12:00+08:00', '2026-09-01'],
      ['InvestmentReportConfirmed', '确认9月完成投资', '刘敏（指挥部办公室）', '2026-10-08T15:30:00+08:00', '2026-09-01'],
      ['NodeReplanned', '“主体完工”调整至2026-12-20：管线迁改滞后', '刘敏（指挥部办公室）', '2026-11-10T14:00:00+08:00', null],
    ]
    return rows.map(([type, summary, recordedBy, recordedAt, businessDate], i) => ({ position: 1000 + i, type, summary, recordedBy, recordedAt, businessDate, data: '{}' })).reverse()
  }

  function connection<T>(items: T[], first: number, after: string | null) {
    const start = after ? Number(after) : 0
    const page = items.slice(start, start + first)
    return {
      edges: page.map((node, i) => ({ cursor: String(start + i + 1), node })),
      nodes: page,
      pageInfo: { hasNextPage: start + first < items.length, hasPreviousPage: start > 0, startCursor: page.length ? String(start + 1) : null, endCursor: page.length ? String(start + page.length) : null },
      totalCount: items.length,
    }
  }

  const sum = (list: ReturnType<typeof makeProject>[], key: 'done' | 'annualWan' | 'plannedToDate') => list.reduce((a, p) => a + p[key], 0)
  function groupFigures(name: string, list: ReturnType<typeof makeProject>[]) {
    const done = sum(list, 'done')
    const annual = sum(list, 'annualWan')
    const planned = sum(list, 'plannedToDate')
    return {
      name, projectCount: list.length,
      figures: { annualPlan: yuan(annual), completedThisYear: yuan(done), annualCompletionRate: pct((done / annual) * 100), timeProgress: pct((planned / annual) * 100), progressGap: pct(((done - planned) / annual) * 100) },
    }
  }
  const categoryNames: Record<string, string> = { ROAD: '道路', BRIDGE: '桥梁', RIVER_REGULATION: '河道治理', WATER: '水务', PUBLIC_BUILDING: '公建', ELDERLY_CARE: '养老', EDUCATION: '教育', RESETTLEMENT_HOUSING: '安置房', INDUSTRIAL: '产业' }

  const users: Record<string, { role: string; name: string; unit: { id: string; name: string } | null }> = {
    office: { role: 'OFFICE', name: '刘敏', unit: null },
    leader: { role: 'LEADER', name: '王建国', unit: null },
    contractor: { role: 'CONTRACTOR', name: '赵工', unit: { id: 'U7', name: '中建三局' } },
    auditor: { role: 'AUDITOR', name: '陈审', unit: null },
  }
  const userFor = (token: string | null) => {
    const key = token?.replace(/^demo-/, '') ?? ''
    const u = users[key]
    return u ? { id: `user-${key}`, username: key, ...u, projects: key === 'contractor' ? enriched.slice(0, 3) : key === 'leader' ? enriched.filter((p) => p.leader === leaders[0]) : [] } : null
  }

  const rankingEntries = (list: { name: string; projectId: string | null; unitId: string | null; rate: number }[]) =>
    [...list].sort((a, b) => b.rate - a.rate).map((e, i, all) => ({
      rank: i + 1, name: e.name, projectId: e.projectId, unitId: e.unitId, score: (60 + e.rate * 0.35).toFixed(1), annualCompletionRate: pct(e.rate),
      nodePunctuality: pct(100 - (i % 5) * 9), problemClosingRate: pct(95 - (i % 4) * 11), inspectionScore: i % 3 === 0 ? '88.5' : null,
      flag: i < 3 ? 'RED' : i >= all.length - 2 ? 'BLACK' : null,
    }))

  const bulletins = [
    { __typename: 'Bulletin', id: 'B11', programme, month: '2026-11-01', issue: 11, title: '高新区“三十工程”项目建设进展月通报', status: 'RUNNING', cutoff: '2026-11-20T23:59:59+08:00', recommendations: null, progress: 45, failure: null, attempts: 1, queuedAt: '2026-11-20T09:00:00+08:00', startedAt: '2026-11-20T09:00:02+08:00', finishedAt: null, durationMs: null, publishedAt: null, publishedBy: null, pageCount: null, contentHash: null, downloadUrl: null },
    { __typename: 'Bulletin', id: 'B10', programme, month: '2026-10-01', issue: 10, title: '高新区“三十工程”项目建设进展月通报', status: 'DRAFTED', cutoff: '2026-11-05T23:59:59+08:00', recommendations: null, progress: 100, failure: null, attempts: 1, queuedAt: '2026-11-06T09:00:00+08:00', startedAt: '2026-11-06T09:00:01+08:00', finishedAt: '2026-11-06T09:00:19+08:00', durationMs: 18400, publishedAt: null, publishedBy: null, pageCount: 14, contentHash: 'ab12…', downloadUrl: '/bulletins/B10.pdf' },
    { __typename: 'Bulletin', id: 'B9', programme, month: '2026-09-01', issue: 9, title: '高新区“三十工程”项目建设进展月通报', status: 'PUBLISHED', cutoff: '2026-10-05T23:59:59+08:00', recommendations: '一、加快征迁交地……', progress: 100, failure: null, attempts: 1, queuedAt: '2026-10-06T09:00:00+08:00', startedAt: null, finishedAt: '2026-10-06T09:00:17+08:00', durationMs: 16900, publishedAt: '2026-10-08T16:00:00+08:00', publishedBy: '刘敏', pageCount: 13, contentHash: 'cd34…', downloadUrl: '/bulletins/B9.pdf' },
    { __typename: 'Bulletin', id: 'B8', programme, month: '2026-08-01', issue: 8, title: '高新区“三十工程”项目建设进展月通报', status: 'FAILED', cutoff: '2026-09-05T23:59:59+08:00', recommendations: null, progress: 60, failure: 'Chromium 打印超时', attempts: 3, queuedAt: '2026-09-06T09:00:00+08:00', startedAt: null, finishedAt: null, durationMs: null, publishedAt: null, publishedBy: null, pageCount: null, contentHash: null, downloadUrl: null },
  ]

  const payload = (extra: Record<string, unknown>) => ({ errors: [], ...extra })

  return {
    me: (_: Args, context: Context) => userFor(context.token),
    programmes: [programme],
    overview: () => {
      const started = enriched.filter((p) => p.started).length
      const done = sum(enriched, 'done')
      const annual = sum(enriched, 'annualWan')
      const planned = sum(enriched, 'plannedToDate')
      const total = specs.reduce((a, spec) => a + spec[2], 0)
      const byKey = (key: 'category' | 'township') => [...new Set(enriched.map((p) => p[key]))].map((k) => groupFigures(key === 'category' ? categoryNames[k] ?? k : k, enriched.filter((p) => p[key] === k)))
      const monthlySeries = Array.from({ length: 12 }, (_, m) => {
        const pick = (f: 'planned' | 'actual' | 'plannedCumulative' | 'actualCumulative') => yuan(enriched.reduce((a, p) => a + Number((p.monthlySeries[m]?.[f] ?? '0').replace('0000.00', '')), 0))
        return { month: date(m + 1, 1), planned: pick('planned'), actual: pick('actual'), plannedCumulative: pick('plannedCumulative'), actualCumulative: pick('actualCumulative') }
      })
      return {
        programme, asOfDate, projectCount: enriched.length, startedCount: started, plannedStartCount: enriched.length - 1, startRate: pct((started / (enriched.length - 1)) * 100),
        figures: { asOfDate, totalInvestment: yuan(total), annualPlan: yuan(annual), plannedToDate: yuan(planned), completedThisYear: yuan(done), completedThisMonth: yuan(Math.round(done / 9)), completedSinceStart: yuan(Math.round(done * 1.6)), annualCompletionRate: pct((done / annual) * 100), totalCompletionRate: pct(((done * 1.6) / total) * 100), timeProgress: pct((planned / annual) * 100), progressGap: pct(((done - planned) / annual) * 100), physicalProgress: null, nodePunctuality: '86.00', earnedValue: null, light: 'YELLOW' },
        completionRateChange: '6.40',
        byCategory: byKey('category'), byTownship: byKey('township'), byUnit: [],
        lights: ['GREEN', 'YELLOW', 'RED'].map((light) => ({ light, count: enriched.filter((p) => p.figures.light === light).length })),
        overdueProblemCount: problems.filter((q) => q.overdue).length, problemsRaised: 194, problemsClosed: 184,
        monthlySeries,
        ranking: ({ period }: Args) => ({
          period, label: period === 'QUARTER' ? '2026年第3季度' : '2026年10月', formula: '投资完成率×40% + 节点按时率×30% + 问题办结率×20% + 观摩得分×10%',
          projects: rankingEntries(enriched.map((p) => ({ name: p.name, projectId: p.id, unitId: null, rate: Number(p.figures.annualCompletionRate) }))),
          units: rankingEntries(units.slice(0, 7).map((name, i) => ({ name, projectId: null, unitId: `U${i}`, rate: 60 + ((i * 13) % 40) }))),
        }),
      }
    },
    projects: ({ first, after, filter }: Args) => {
      const f = (filter ?? {}) as { text?: string; categories?: string[]; lights?: string[]; townships?: string[]; laggingOnly?: boolean }
      const list = enriched.filter((p) =>
        (!f.text || p.name.includes(f.text) || p.township.includes(f.text)) && (!f.categories?.length || f.categories.includes(p.category))
        && (!f.lights?.length || f.lights.includes(p.figures.light)) && (!f.townships?.length || f.townships.includes(p.township))
        && (!f.laggingOnly || p.figures.light !== 'GREEN'))
      return connection(list, Number(first ?? 20), (after as string | null) ?? null)
    },
    project: ({ id }: Args) => enriched.find((p) => p.id === id) ?? null,
    problems: ({ first, filter }: Args) => {
      const f = (filter ?? {}) as { overdueOnly?: boolean; categories?: string[] }
      const list = problems.filter((q) => (!f.overdueOnly || q.overdue) && (!f.categories?.length || f.categories.includes(q.category)))
      return { ...connection(list, Number(first ?? 50), null), countsByStage: problemStages.map((stage) => ({ stage, count: list.filter((q) => q.stage === stage).length, overdue: list.filter((q) => q.stage === stage && q.overdue).length })) }
    },
    bulletins: () => connection(bulletins, 50, null),
    login: ({ input }: Args) => {
      const { username } = input as { username: string }
      const user = userFor(`demo-${username}`)
      return user ? { token: `demo-${username}`, expiresAt: null, user, errors: [] } : { token: null, expiresAt: null, user: null, errors: [{ code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确（演示账号：office / leader / contractor / auditor）', field: null }] }
    },
    reportInvestment: ({ input }: Args) => {
      const { amount, projectId } = input as { amount: string; projectId: string }
      const project = enriched.find((p) => p.id === projectId)
      if (Number(amount) > 1e9) return { report: null, project: null, errors: [{ code: 'AMOUNT_ABOVE_TOTAL', message: '本月金额超过项目总投资，请核实或填写说明', field: ['input', 'amount'] }] }
      return payload({ project, report: { __typename: 'InvestmentReport', id: `R-new-${Date.now()}`, kind: 'INVESTMENT', project, status: 'PENDING', submittedBy: '赵工', submittedAt: new Date().toISOString(), decidedBy: null, decidedAt: null, rejectionReason: null, month: (input as { month: string }).month, amount, cumulative: amount, note: null, isCorrection: false } })
    },
    confirmReport: () => payload({ report: null, project: null }),
    rejectReport: () => payload({ report: null, project: null }),
    publishBulletin: ({ input }: Args) => payload({ bulletin: { ...bulletins[1], status: 'PUBLISHED', recommendations: (input as { recommendations: string }).recommendations, publishedAt: new Date().toISOString(), publishedBy: '刘敏' } }),
  }
}
