import { gql } from '../document'
import type { Decimal, IsoDate, NodeKind, PageInfo, ProjectCategory, UserError } from '../scalars'

/** A leader or unit offered in the planning forms. */
export interface Choice {
  id: string
  name: string
}

/**
 * Who can be named on a new project. The schema has no list of leaders or units of its own: the form offers those
 * already named on the programme's projects, a page at a time.
 */
export const PlanningChoicesQuery = gql<
  {
    programmes: { id: string; name: string; year: number }[]
    projects: {
      pageInfo: PageInfo
      nodes: { township: string; leader: (Choice & { title: string | null }) | null; leadUnit: Choice | null; responsibleUnit: Choice | null; contractors: Choice[] }[]
    }
  },
  { first: number; after?: string | null }
>(`query PlanningChoices($first: Int, $after: String) {
  programmes { id name year }
  projects(first: $first, after: $after) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { township leader { id name title } leadUnit { id name } responsibleUnit { id name } contractors { id name } }
  }
}`)

export interface RegisterProjectInput {
  idempotencyKey: string
  programmeId: string
  name: string
  category: ProjectCategory
  township: string
  scale?: string | null
  description?: string | null
  totalInvestment: Decimal
  plannedStart: IsoDate
  plannedCompletion: IsoDate
  leaderId?: string | null
  leadUnitId?: string | null
  responsibleUnitId?: string | null
  contractorUnitIds?: string[] | null
}

type ProjectPayload = { project: { id: string; name: string } | null; errors: UserError[] }

export const RegisterProjectMutation = gql<{ registerProject: ProjectPayload }, { input: RegisterProjectInput }>(`mutation RegisterProject($input: RegisterProjectInput!) {
  registerProject(input: $input) { project { id name } errors { code message field } }
}`)

export const SetAnnualPlanMutation = gql<
  { setAnnualPlan: { project: { id: string; annualPlan: { year: number; total: Decimal; monthly: Decimal[]; revision: number } | null } | null; errors: UserError[] } },
  { input: { idempotencyKey: string; projectId: string; year: number; monthly: Decimal[]; reason?: string | null } }
>(`mutation SetAnnualPlan($input: SetAnnualPlanInput!) {
  setAnnualPlan(input: $input) { project { id annualPlan { year total monthly revision } } errors { code message field } }
}`)

type NodePayload = { node: { id: string; name: string; plannedDate: IsoDate | null; replannedDate: IsoDate | null } | null; errors: UserError[] }
const nodePayloadFields = 'node { id name plannedDate replannedDate } errors { code message field }'

export const PlanNodeMutation = gql<
  { planNode: NodePayload },
  { input: { idempotencyKey: string; projectId: string; kind: NodeKind; name?: string | null; plannedDate: IsoDate; responsibleUnitId?: string | null } }
>(`mutation PlanNode($input: PlanNodeInput!) {
  planNode(input: $input) { ${nodePayloadFields} }
}`)

export const ReplanNodeMutation = gql<
  { replanNode: NodePayload },
  { input: { idempotencyKey: string; nodeId: string; plannedDate: IsoDate; reason: string } }
>(`mutation ReplanNode($input: ReplanNodeInput!) {
  replanNode(input: $input) { ${nodePayloadFields} }
}`)
