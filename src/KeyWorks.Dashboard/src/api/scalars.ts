/** Scalars as they travel in JSON (see schema/keyworks.graphql). */
/** `Decimal`: an exact decimal written as a string, e.g. "155000000.00". */
export type Decimal = string
/** `Date`: YYYY-MM-DD. */
export type IsoDate = string
/** `DateTime`: RFC 3339 with offset. */
export type IsoDateTime = string

export type Role = 'OFFICE' | 'LEADER' | 'CONTRACTOR' | 'AUDITOR'
export type ProjectCategory =
  | 'ROAD' | 'BRIDGE' | 'RIVER_REGULATION' | 'WATER' | 'PUBLIC_BUILDING'
  | 'ELDERLY_CARE' | 'EDUCATION' | 'RESETTLEMENT_HOUSING' | 'INDUSTRIAL'
export type ProjectStatus = 'PLANNED' | 'UNDER_CONSTRUCTION' | 'SUSPENDED' | 'COMPLETED'
export type Light = 'GREEN' | 'YELLOW' | 'RED'
export type NodeKind =
  | 'PERMITS' | 'LAND_HANDOVER' | 'CONSTRUCTION_START' | 'MAIN_WORKS_COMPLETE'
  | 'COMPLETION_ACCEPTANCE' | 'IN_OPERATION' | 'CUSTOM'
export type NodeStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'OVERDUE'
export type ReportStatus = 'PENDING' | 'CONFIRMED' | 'REJECTED'
export type ReportKind = 'NODE_REACHED' | 'INVESTMENT' | 'PROGRESS'
export type ProblemCategory = 'FUNDING' | 'LAND' | 'RELOCATION' | 'APPROVALS' | 'UTILITIES' | 'SAFETY' | 'OTHER'
export type ProblemStage = 'RAISED' | 'ASSIGNED' | 'ACCEPTED' | 'HANDLED' | 'CLOSED'
export type Flag = 'RED' | 'BLACK'
export type RankingPeriod = 'MONTH' | 'QUARTER'
export type BulletinStatus = 'QUEUED' | 'RUNNING' | 'DRAFTED' | 'FAILED' | 'PUBLISHED'
export type ProjectSortField = 'NAME' | 'TOTAL_INVESTMENT' | 'ANNUAL_COMPLETION_RATE' | 'PROGRESS_GAP' | 'LIGHT'
export type SortDirection = 'ASC' | 'DESC'

export interface PageInfo {
  hasNextPage: boolean
  hasPreviousPage: boolean
  startCursor: string | null
  endCursor: string | null
}

export interface UserError {
  code: string
  message: string
  field: string[] | null
}
