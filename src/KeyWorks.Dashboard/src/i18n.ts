import { ref } from 'vue'

/** A small i18n of the chrome: Chinese by default, English on request; figures and data stay as recorded. */
export type Locale = 'zh' | 'en'

const dictionaries = {
  zh: {
    appName: 'KeyWorks 重点项目', overview: '驾驶舱', projects: '项目', problems: '问题', report: '上报', office: '办公室',
    queue: '审核队列', bulletins: '月通报', logout: '退出', login: '登录', username: '用户名', password: '密码',
    asOf: '统计截止', today: '今天', language: 'English', search: '查询', reset: '重置', export: '导出 Excel',
    loading: '加载中…', empty: '暂无数据', submit: '提交', cancel: '取消', confirm: '确认', reject: '退回', refresh: '刷新',
    projectCount: '项目总数',
    totalInvestment: '总投资',
    annualPlan: '年度计划投资',
    completedThisYear: '年度完成投资',
    completionRate: '投资完成率',
    sinceLastMonth: '较上月',
    startRate: '开工率',
    lights: '红黄绿灯',
    overdueProblems: '逾期问题',
    sCurve: '累计投资：计划与实际（S 曲线）',
    lightChart: '项目状态灯',
    completionChart: '年度投资完成率与序时进度',
    byCategory: '按类别',
    byTownship: '按乡镇/街道',
    ranking: '排名与红黑旗',
    monthly: '月排名',
    quarterly: '季评',
    formula: '计分办法',
    rank: '名次',
    project: '项目',
    unit: '单位',
    units: '责任单位',
    score: '综合得分',
    nodePunctuality: '节点按时率',
    problemClosing: '问题办结率',
    inspection: '观摩得分',
    dataAsOf: '数据截至',
    light: '灯',
    name: '项目名称',
    category: '类别',
    township: '乡镇/街道',
    status: '状态',
    yearDonePlan: '年度完成 / 计划',
    rate: '完成率',
    gap: '与序时进度',
    physical: '形象进度',
    leader: '分包领导',
    laggingOnly: '仅看滞后项目',
    textFilter: '项目名称、乡镇或单位',
    previous: '上一页',
    next: '下一页',
    problemList: '问题清单',
    overdueOnly: '仅看逾期',
    rule1610: '受理 1 日 · 办理 6 日 · 办结 10 日',
  },
  en: {
    appName: 'KeyWorks key projects', overview: 'Overview', projects: 'Projects', problems: 'Problems', report: 'Report', office: 'Office',
    queue: 'Review queue', bulletins: 'Bulletins', logout: 'Sign out', login: 'Sign in', username: 'User name', password: 'Password',
    asOf: 'As of', today: 'Today', language: '中文', search: 'Search', reset: 'Reset', export: 'Export to Excel',
    loading: 'Loading…', empty: 'No data', submit: 'Submit', cancel: 'Cancel', confirm: 'Confirm', reject: 'Reject', refresh: 'Refresh',
    projectCount: 'Projects',
    totalInvestment: 'Total investment',
    annualPlan: 'Annual plan',
    completedThisYear: 'Completed this year',
    completionRate: 'Completion rate',
    sinceLastMonth: 'Since last month',
    startRate: 'Start rate',
    lights: 'Status lights',
    overdueProblems: 'Overdue problems',
    sCurve: 'Cumulative investment: plan and actual',
    lightChart: 'Status lights',
    completionChart: 'Annual completion rate and time progress',
    byCategory: 'By category',
    byTownship: 'By township',
    ranking: 'Ranking and flags',
    monthly: 'Monthly',
    quarterly: 'Quarterly',
    formula: 'Formula',
    rank: 'Rank',
    project: 'Project',
    unit: 'Unit',
    units: 'Units',
    score: 'Score',
    nodePunctuality: 'Node punctuality',
    problemClosing: 'Problems closed',
    inspection: 'Inspection',
    dataAsOf: 'Data as of',
    light: 'Light',
    name: 'Name',
    category: 'Category',
    township: 'Township',
    status: 'Status',
    yearDonePlan: 'Done / plan this year',
    rate: 'Rate',
    gap: 'Against time progress',
    physical: 'Physical',
    leader: 'Leader',
    laggingOnly: 'Lagging only',
    textFilter: 'Name, township or unit',
    previous: 'Previous',
    next: 'Next',
    problemList: 'Problems',
    overdueOnly: 'Overdue only',
    rule1610: 'accept in 1 day · handle in 6 · close in 10',
  },
} as const

export type MessageKey = keyof (typeof dictionaries)['zh']

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('keyworks.locale') : null
export const locale = ref<Locale>(stored === 'en' ? 'en' : 'zh')

export function t(key: MessageKey): string {
  return dictionaries[locale.value][key]
}

export function toggleLocale(): void {
  locale.value = locale.value === 'zh' ? 'en' : 'zh'
  localStorage.setItem('keyworks.locale', locale.value)
  document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en'
}

/**
 * Page text that appears once: the Chinese and the English side by side where they are used, so a page's wording
 * reads in one place. Reading `locale` makes templates and computed values follow the switch.
 */
export function tr(zh: string, en: string): string {
  return locale.value === 'en' ? en : zh
}
