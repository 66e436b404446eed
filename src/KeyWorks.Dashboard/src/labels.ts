import { locale } from './i18n'
import type {
  BulletinStatus, Light, NodeKind, NodeStatus, ProblemCategory, ProblemStage, ProjectCategory, ProjectStatus, ReportKind, ReportStatus, Role,
} from './api/scalars'

/** Names of the schema's enums: Chinese as the schema's descriptions give them, English on the language switch. */
export function localized<K extends string>(zh: Record<K, string>, en: Record<K, string>): Record<K, string> {
  // Reading through the proxy reads `locale`, so templates and computed chart options follow the switch.
  return new Proxy(zh, { get: (target, key: string) => (locale.value === 'en' ? en : target)[key as K] })
}

export const roleLabels = localized<Role>(
  { OFFICE: '指挥部办公室', LEADER: '区领导', CONTRACTOR: '施工单位', AUDITOR: '审计' },
  { OFFICE: 'Command office', LEADER: 'Leader', CONTRACTOR: 'Contractor', AUDITOR: 'Auditor' },
)

export const categoryLabels = localized<ProjectCategory>(
  {
    ROAD: '道路', BRIDGE: '桥梁', RIVER_REGULATION: '河道治理', WATER: '水务', PUBLIC_BUILDING: '公建',
    ELDERLY_CARE: '养老', EDUCATION: '教育', RESETTLEMENT_HOUSING: '安置房', INDUSTRIAL: '产业',
  },
  {
    ROAD: 'Road', BRIDGE: 'Bridge', RIVER_REGULATION: 'River', WATER: 'Water', PUBLIC_BUILDING: 'Public building',
    ELDERLY_CARE: 'Elderly care', EDUCATION: 'Education', RESETTLEMENT_HOUSING: 'Resettlement', INDUSTRIAL: 'Industrial',
  },
)

export const projectStatusLabels = localized<ProjectStatus>(
  { PLANNED: '未开工', UNDER_CONSTRUCTION: '在建', SUSPENDED: '停工', COMPLETED: '已竣工' },
  { PLANNED: 'Not started', UNDER_CONSTRUCTION: 'Under way', SUSPENDED: 'Suspended', COMPLETED: 'Completed' },
)

export const lightLabels = localized<Light>({ GREEN: '绿灯', YELLOW: '黄灯', RED: '红灯' }, { GREEN: 'Green', YELLOW: 'Yellow', RED: 'Red' })
export const lightColors: Record<Light, string> = { GREEN: '#2e9e5b', YELLOW: '#e6a23c', RED: '#d9363e' }

export const nodeStatusLabels = localized<NodeStatus>(
  { NOT_STARTED: '未开始', IN_PROGRESS: '进行中', DONE: '已完成', OVERDUE: '逾期' },
  { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', DONE: 'Done', OVERDUE: 'Overdue' },
)

export const reportStatusLabels = localized<ReportStatus>(
  { PENDING: '待确认', CONFIRMED: '已确认', REJECTED: '已退回' },
  { PENDING: 'Pending', CONFIRMED: 'Confirmed', REJECTED: 'Rejected' },
)
export const reportKindLabels = localized<ReportKind>(
  { NODE_REACHED: '节点完成', INVESTMENT: '月度投资', PROGRESS: '形象进度' },
  { NODE_REACHED: 'Node reached', INVESTMENT: 'Investment', PROGRESS: 'Progress' },
)

export const problemCategoryLabels = localized<ProblemCategory>(
  { FUNDING: '资金', LAND: '用地', RELOCATION: '征迁', APPROVALS: '手续', UTILITIES: '管线迁改', SAFETY: '安全', OTHER: '其他' },
  { FUNDING: 'Funding', LAND: 'Land', RELOCATION: 'Relocation', APPROVALS: 'Approvals', UTILITIES: 'Utilities', SAFETY: 'Safety', OTHER: 'Other' },
)

export const problemStages: ProblemStage[] = ['RAISED', 'ASSIGNED', 'ACCEPTED', 'HANDLED', 'CLOSED']
export const problemStageLabels = localized<ProblemStage>(
  { RAISED: '已上报', ASSIGNED: '已交办', ACCEPTED: '已受理', HANDLED: '已办理', CLOSED: '已办结销号' },
  { RAISED: 'Raised', ASSIGNED: 'Assigned', ACCEPTED: 'Accepted', HANDLED: 'Handled', CLOSED: 'Closed' },
)
/** What the clock of a stage waits for under 1-6-10. */
export const stageClockLabels = localized<ProblemStage>(
  { RAISED: '待交办', ASSIGNED: '1日内受理', ACCEPTED: '6日内办理', HANDLED: '10日内办结', CLOSED: '已销号' },
  { RAISED: 'To assign', ASSIGNED: 'Accept in 1 day', ACCEPTED: 'Handle in 6 days', HANDLED: 'Close in 10 days', CLOSED: 'Closed' },
)

export const bulletinStatusLabels = localized<BulletinStatus>(
  { QUEUED: '排队中', RUNNING: '生成中', DRAFTED: '草稿', FAILED: '失败', PUBLISHED: '已发布' },
  { QUEUED: 'Queued', RUNNING: 'Running', DRAFTED: 'Draft', FAILED: 'Failed', PUBLISHED: 'Published' },
)

export const allCategories = Object.keys(categoryLabels) as ProjectCategory[]
export const allProblemCategories = Object.keys(problemCategoryLabels) as ProblemCategory[]
export const allLights: Light[] = ['GREEN', 'YELLOW', 'RED']

export const nodeKinds: NodeKind[] = ['PERMITS', 'LAND_HANDOVER', 'CONSTRUCTION_START', 'MAIN_WORKS_COMPLETE', 'COMPLETION_ACCEPTANCE', 'IN_OPERATION', 'CUSTOM']
export const nodeKindLabels = localized<NodeKind>(
  {
    PERMITS: '手续办理', LAND_HANDOVER: '征迁交地', CONSTRUCTION_START: '开工建设', MAIN_WORKS_COMPLETE: '主体完工',
    COMPLETION_ACCEPTANCE: '竣工验收', IN_OPERATION: '投产达效 / 交付使用', CUSTOM: '自定义节点',
  },
  {
    PERMITS: 'Permits', LAND_HANDOVER: 'Land handover', CONSTRUCTION_START: 'Construction start', MAIN_WORKS_COMPLETE: 'Main works complete',
    COMPLETION_ACCEPTANCE: 'Completion and acceptance', IN_OPERATION: 'In operation', CUSTOM: 'Custom node',
  },
)
