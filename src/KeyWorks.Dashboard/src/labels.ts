import type {
  BulletinStatus, Light, NodeStatus, ProblemCategory, ProblemStage, ProjectCategory, ProjectStatus, ReportKind, ReportStatus, Role,
} from './api/scalars'

/** Chinese names of the schema's enums, as the schema's descriptions give them. */
export const roleLabels: Record<Role, string> = { OFFICE: '指挥部办公室', LEADER: '区领导', CONTRACTOR: '施工单位', AUDITOR: '审计' }

export const categoryLabels: Record<ProjectCategory, string> = {
  ROAD: '道路', BRIDGE: '桥梁', RIVER_REGULATION: '河道治理', WATER: '水务', PUBLIC_BUILDING: '公建',
  ELDERLY_CARE: '养老', EDUCATION: '教育', RESETTLEMENT_HOUSING: '安置房', INDUSTRIAL: '产业',
}

export const projectStatusLabels: Record<ProjectStatus, string> = {
  PLANNED: '未开工', UNDER_CONSTRUCTION: '在建', SUSPENDED: '停工', COMPLETED: '已竣工',
}

export const lightLabels: Record<Light, string> = { GREEN: '绿灯', YELLOW: '黄灯', RED: '红灯' }
export const lightColors: Record<Light, string> = { GREEN: '#2e9e5b', YELLOW: '#e6a23c', RED: '#d9363e' }

export const nodeStatusLabels: Record<NodeStatus, string> = { NOT_STARTED: '未开始', IN_PROGRESS: '进行中', DONE: '已完成', OVERDUE: '逾期' }

export const reportStatusLabels: Record<ReportStatus, string> = { PENDING: '待确认', CONFIRMED: '已确认', REJECTED: '已退回' }
export const reportKindLabels: Record<ReportKind, string> = { NODE_REACHED: '节点完成', INVESTMENT: '月度投资', PROGRESS: '形象进度' }

export const problemCategoryLabels: Record<ProblemCategory, string> = {
  FUNDING: '资金', LAND: '用地', RELOCATION: '征迁', APPROVALS: '手续', UTILITIES: '管线迁改', SAFETY: '安全', OTHER: '其他',
}

export const problemStages: ProblemStage[] = ['RAISED', 'ASSIGNED', 'ACCEPTED', 'HANDLED', 'CLOSED']
export const problemStageLabels: Record<ProblemStage, string> = {
  RAISED: '已上报', ASSIGNED: '已交办', ACCEPTED: '已受理', HANDLED: '已办理', CLOSED: '已办结销号',
}
/** What the clock of a stage waits for under 1-6-10. */
export const stageClockLabels: Record<ProblemStage, string> = {
  RAISED: '待交办', ASSIGNED: '1日内受理', ACCEPTED: '6日内办理', HANDLED: '10日内办结', CLOSED: '已销号',
}

export const bulletinStatusLabels: Record<BulletinStatus, string> = {
  QUEUED: '排队中', RUNNING: '生成中', DRAFTED: '草稿', FAILED: '失败', PUBLISHED: '已发布',
}

export const allCategories = Object.keys(categoryLabels) as ProjectCategory[]
export const allProblemCategories = Object.keys(problemCategoryLabels) as ProblemCategory[]
export const allLights: Light[] = ['GREEN', 'YELLOW', 'RED']
