import { gql } from '../document'
import type {
  Decimal, Flag, IsoDate, IsoDateTime, Light, NodeKind, NodeStatus, PageInfo, ProjectCategory, ProjectSortField, ProjectStatus,
  ReportKind, ReportStatus, SortDirection,
} from '../scalars'
import { type FiguresSummary, type MonthPoint, figuresFields, monthPointFields } from './overview'
import { type ProblemCard, problemCardFields } from './problems'

export interface ProjectFilter {
  programmeId?: string
  categories?: ProjectCategory[]
  townships?: string[]
  lights?: Light[]
  text?: string
  laggingOnly?: boolean
}

export interface ProjectRow {
  id: string
  name: string
  category: ProjectCategory
  township: string
  status: ProjectStatus
  leader: { name: string } | null
  responsibleUnit: { name: string } | null
  figures: FiguresSummary & { physicalProgress: Decimal | null }
}

export const ProjectListQuery = gql<
  { projects: { totalCount: number; pageInfo: PageInfo; nodes: ProjectRow[] } },
  {
    first: number
    after?: string | null
    filter?: ProjectFilter
    orderBy?: { field: ProjectSortField; direction: SortDirection } | null
    asOf?: string | null
  }
>(`query ProjectList($first: Int, $after: String, $filter: ProjectFilter, $orderBy: ProjectOrder, $asOf: DateTime) {
  projects(first: $first, after: $after, filter: $filter, orderBy: $orderBy, asOf: $asOf) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes {
      id name category township status
      leader { name }
      responsibleUnit { name }
      figures { ${figuresFields} physicalProgress }
    }
  }
}`)

export interface ProjectNodeRow {
  id: string
  kind: NodeKind
  name: string
  sequence: number
  plannedDate: IsoDate | null
  replannedDate: IsoDate | null
  replanReason: string | null
  actualDate: IsoDate | null
  reportedDate: IsoDate | null
  latestAllowedDate: IsoDate | null
  responsibleUnit: { name: string } | null
  status: NodeStatus
  overdueDays: number
}

export const nodeFields = `id kind name sequence plannedDate replannedDate replanReason actualDate reportedDate latestAllowedDate
      responsibleUnit { name } status overdueDays`

interface ReportBase {
  __typename: 'InvestmentReport' | 'ProgressReport' | 'NodeReport'
  id: string
  kind: ReportKind
  status: ReportStatus
  submittedBy: string
  submittedAt: IsoDateTime
  decidedBy: string | null
  decidedAt: IsoDateTime | null
  rejectionReason: string | null
  project: { id: string; name: string }
}
export interface InvestmentReport extends ReportBase {
  __typename: 'InvestmentReport'
  month: IsoDate
  amount: Decimal
  cumulative: Decimal
  note: string | null
  isCorrection: boolean
}
export interface ProgressReport extends ReportBase {
  __typename: 'ProgressReport'
  month: IsoDate
  percent: Decimal
  narrative: string
  divergenceFlag: boolean
}
export interface NodeReport extends ReportBase {
  __typename: 'NodeReport'
  node: { id: string; name: string }
  reachedOn: IsoDate
  note: string | null
}
export type AnyReport = InvestmentReport | ProgressReport | NodeReport

/** Every report field the screens show, for the three kinds. */
export const reportFields = `__typename id kind status submittedBy submittedAt decidedBy decidedAt rejectionReason
      project { id name }
      ... on InvestmentReport { month amount cumulative note isCorrection }
      ... on ProgressReport { month percent narrative divergenceFlag }
      ... on NodeReport { node { id name } reachedOn note }`

export interface ProjectDetail {
  id: string
  name: string
  category: ProjectCategory
  township: string
  scale: string | null
  description: string | null
  status: ProjectStatus
  plannedStart: IsoDate | null
  plannedCompletion: IsoDate | null
  programme: { id: string; name: string; year: number }
  leader: { name: string; title: string | null } | null
  leadUnit: { id: string; name: string } | null
  responsibleUnit: { id: string; name: string } | null
  contractors: { id: string; name: string }[]
  figures: FiguresSummary & {
    physicalProgress: Decimal | null
    nodePunctuality: Decimal | null
    earnedValue: {
      pv: Decimal; ev: Decimal; ac: Decimal; spi: Decimal | null; cpi: Decimal | null; eac: Decimal | null
      earnedSchedule: IsoDate | null; forecastFinish: IsoDate | null
    } | null
  }
  annualPlan: { year: number; total: Decimal; monthly: Decimal[]; revision: number } | null
  nodes: ProjectNodeRow[]
  monthlySeries: MonthPoint[]
  latestProgress: { month: IsoDate; percent: Decimal; narrative: string; status: ReportStatus } | null
  pending: { totalCount: number; nodes: AnyReport[] }
  confirmed: { totalCount: number; nodes: AnyReport[] }
  problems: ProblemCard[]
  inspections: { id: string; inspectedOn: IsoDate; score: Decimal; remarks: string | null; flag: Flag | null; inspector: string }[]
}

export const ProjectDetailQuery = gql<{ project: ProjectDetail | null }, { id: string; asOf?: string | null }>(`query ProjectDetail($id: ID!, $asOf: DateTime) {
  project(id: $id, asOf: $asOf) {
    id name category township scale description status plannedStart plannedCompletion
    programme { id name year }
    leader { name title }
    leadUnit { id name }
    responsibleUnit { id name }
    contractors { id name }
    figures {
      ${figuresFields} physicalProgress nodePunctuality
      earnedValue { pv ev ac spi cpi eac earnedSchedule forecastFinish }
    }
    annualPlan { year total monthly revision }
    nodes { ${nodeFields} }
    monthlySeries { ${monthPointFields} }
    latestProgress { month percent narrative status }
    pending: reports(status: PENDING, first: 50) { totalCount nodes { ${reportFields} } }
    confirmed: reports(status: CONFIRMED, first: 50) { totalCount nodes { ${reportFields} } }
    problems { ${problemCardFields} }
    inspections { id inspectedOn score remarks flag inspector }
  }
}`)

export interface HistoryEntry {
  position: number
  type: string
  summary: string
  recordedBy: string
  recordedAt: IsoDateTime
  businessDate: IsoDate | null
  data: string
}

export const ProjectHistoryQuery = gql<
  { project: { id: string; history: { totalCount: number; pageInfo: PageInfo; edges: { cursor: string; node: HistoryEntry }[] } } | null },
  { id: string; first: number; after?: string | null }
>(`query ProjectHistory($id: ID!, $first: Int, $after: String) {
  project(id: $id) {
    id
    history(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { position type summary recordedBy recordedAt businessDate data } }
    }
  }
}`)

/** What a contractor needs to report for one project: its nodes, the last figures and its own recent reports. */
export const ReportingProjectQuery = gql<
  {
    project: {
      id: string
      name: string
      nodes: ProjectNodeRow[]
      figures: { completedSinceStart: Decimal; physicalProgress: Decimal | null; asOfDate: IsoDate }
      reports: { nodes: AnyReport[] }
    } | null
  },
  { id: string }
>(`query ReportingProject($id: ID!) {
  project(id: $id) {
    id name
    nodes { ${nodeFields} }
    figures { completedSinceStart physicalProgress asOfDate }
    reports(first: 10) { nodes { ${reportFields} } }
  }
}`)

/**
 * The office's confirmation queue: pending reports of every project (the schema has no top-level report list), a page
 * of projects at a time: the server's cost limit counts every report field once per
 * project and report, so pages of 25 projects with up to 40 pending reports each stay well inside it.
 */
export const PendingReportsQuery = gql<
  {
    projects: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null }
      nodes: { id: string; name: string; reports: { totalCount: number; nodes: AnyReport[] } }[]
    }
  },
  { first: number; after?: string | null }
>(`query PendingReports($first: Int, $after: String) {
  projects(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name
      reports(status: PENDING, first: 40) { totalCount nodes { ${reportFields} } }
    }
  }
}`)
