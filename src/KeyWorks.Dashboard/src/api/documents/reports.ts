import { gql } from '../document'
import type { Decimal, IsoDate, UserError } from '../scalars'
import { type AnyReport, reportFields } from './projects'

type ReportPayload = { report: AnyReport | null; errors: UserError[] }
const payloadFields = `report { ${reportFields} } errors { code message field }`

export const ReportNodeReachedMutation = gql<
  { reportNodeReached: ReportPayload },
  { input: { idempotencyKey: string; nodeId: string; reachedOn: IsoDate; note?: string | null } }
>(`mutation ReportNodeReached($input: ReportNodeReachedInput!) {
  reportNodeReached(input: $input) { ${payloadFields} }
}`)

export const ReportInvestmentMutation = gql<
  { reportInvestment: ReportPayload },
  { input: { idempotencyKey: string; projectId: string; month: IsoDate; amount: Decimal; cumulative?: Decimal | null; note?: string | null } }
>(`mutation ReportInvestment($input: ReportInvestmentInput!) {
  reportInvestment(input: $input) { ${payloadFields} }
}`)

export const ReportProgressMutation = gql<
  { reportProgress: ReportPayload },
  { input: { idempotencyKey: string; projectId: string; month: IsoDate; percent: Decimal; narrative: string } }
>(`mutation ReportProgress($input: ReportProgressInput!) {
  reportProgress(input: $input) { ${payloadFields} }
}`)

export const ConfirmReportMutation = gql<
  { confirmReport: ReportPayload },
  { input: { idempotencyKey: string; reportId: string } }
>(`mutation ConfirmReport($input: ConfirmReportInput!) {
  confirmReport(input: $input) { ${payloadFields} }
}`)

export const RejectReportMutation = gql<
  { rejectReport: ReportPayload },
  { input: { idempotencyKey: string; reportId: string; reason: string } }
>(`mutation RejectReport($input: RejectReportInput!) {
  rejectReport(input: $input) { ${payloadFields} }
}`)

export const ReportSubmittedSubscription = gql<{ reportSubmitted: AnyReport }>(`subscription ReportSubmitted {
  reportSubmitted { ${reportFields} }
}`)
