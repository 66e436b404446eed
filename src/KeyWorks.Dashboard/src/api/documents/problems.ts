import { gql } from '../document'
import type { IsoDate, IsoDateTime, ProblemCategory, ProblemStage, UserError } from '../scalars'

export interface StageClock {
  stage: ProblemStage
  startedAt: IsoDateTime
  dueAt: IsoDateTime
  doneAt: IsoDateTime | null
  overdueDays: number
}

export interface ProblemCard {
  id: string
  category: ProblemCategory
  description: string
  stage: ProblemStage
  assignedUnit: { id: string; name: string } | null
  deadline: IsoDate | null
  raisedBy: string
  raisedAt: IsoDateTime
  clocks: StageClock[]
  overdue: boolean
  escalated: boolean
  closingEvidence: string | null
  reopenCount: number
  project: {
    id: string
    name: string
    leadUnit: { id: string; name: string } | null
    responsibleUnit: { id: string; name: string } | null
    contractors: { id: string; name: string }[]
  }
}

export const problemCardFields = `id category description stage assignedUnit { id name } deadline raisedBy raisedAt
      clocks { stage startedAt dueAt doneAt overdueDays }
      overdue escalated closingEvidence reopenCount
      project { id name leadUnit { id name } responsibleUnit { id name } contractors { id name } }`

export interface ProblemFilter {
  projectId?: string
  stages?: ProblemStage[]
  categories?: ProblemCategory[]
  overdueOnly?: boolean
}

export const ProblemBoardQuery = gql<
  {
    problems: {
      totalCount: number
      countsByStage: { stage: ProblemStage; count: number; overdue: number }[]
      pageInfo: { hasNextPage: boolean; endCursor: string | null }
      nodes: ProblemCard[]
    }
  },
  { first: number; after?: string | null; filter?: ProblemFilter; asOf?: string | null }
>(`query ProblemBoard($first: Int, $after: String, $filter: ProblemFilter, $asOf: DateTime) {
  problems(first: $first, after: $after, filter: $filter, asOf: $asOf) {
    totalCount
    countsByStage { stage count overdue }
    pageInfo { hasNextPage endCursor }
    nodes { ${problemCardFields} }
  }
}`)

type ProblemPayload = { problem: ProblemCard | null; errors: UserError[] }

export const RaiseProblemMutation = gql<
  { raiseProblem: ProblemPayload },
  { input: { idempotencyKey: string; projectId: string; category: ProblemCategory; description: string } }
>(`mutation RaiseProblem($input: RaiseProblemInput!) {
  raiseProblem(input: $input) { problem { ${problemCardFields} } errors { code message field } }
}`)

export const AssignProblemMutation = gql<
  { assignProblem: ProblemPayload },
  { input: { idempotencyKey: string; problemId: string; unitId: string; deadline?: IsoDate | null } }
>(`mutation AssignProblem($input: AssignProblemInput!) {
  assignProblem(input: $input) { problem { ${problemCardFields} } errors { code message field } }
}`)

export const AcceptProblemMutation = gql<
  { acceptProblem: ProblemPayload },
  { input: { idempotencyKey: string; problemId: string; note?: string | null } }
>(`mutation AcceptProblem($input: ProblemStepInput!) {
  acceptProblem(input: $input) { problem { ${problemCardFields} } errors { code message field } }
}`)

export const HandleProblemMutation = gql<
  { handleProblem: ProblemPayload },
  { input: { idempotencyKey: string; problemId: string; note?: string | null } }
>(`mutation HandleProblem($input: ProblemStepInput!) {
  handleProblem(input: $input) { problem { ${problemCardFields} } errors { code message field } }
}`)

export const CloseProblemMutation = gql<
  { closeProblem: ProblemPayload },
  { input: { idempotencyKey: string; problemId: string; evidence: string } }
>(`mutation CloseProblem($input: CloseProblemInput!) {
  closeProblem(input: $input) { problem { ${problemCardFields} } errors { code message field } }
}`)

export const ReopenProblemMutation = gql<
  { reopenProblem: ProblemPayload },
  { input: { idempotencyKey: string; problemId: string; reason: string } }
>(`mutation ReopenProblem($input: ReopenProblemInput!) {
  reopenProblem(input: $input) { problem { ${problemCardFields} } errors { code message field } }
}`)
