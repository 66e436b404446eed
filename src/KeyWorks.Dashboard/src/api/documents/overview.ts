import { gql } from '../document'
import type { Decimal, Flag, IsoDate, Light, RankingPeriod } from '../scalars'

export interface FiguresSummary {
  asOfDate: IsoDate
  totalInvestment: Decimal
  annualPlan: Decimal
  plannedToDate: Decimal
  completedThisYear: Decimal
  completedThisMonth: Decimal
  completedSinceStart: Decimal
  annualCompletionRate: Decimal
  totalCompletionRate: Decimal
  timeProgress: Decimal
  progressGap: Decimal
  light: Light
}

export const figuresFields = `asOfDate totalInvestment annualPlan plannedToDate completedThisYear completedThisMonth
    completedSinceStart annualCompletionRate totalCompletionRate timeProgress progressGap light`

export interface MonthPoint {
  month: IsoDate
  planned: Decimal
  actual: Decimal
  plannedCumulative: Decimal
  actualCumulative: Decimal
}

export const monthPointFields = `month planned actual plannedCumulative actualCumulative`

export interface GroupFigures {
  name: string
  projectCount: number
  figures: Pick<FiguresSummary, 'annualPlan' | 'completedThisYear' | 'annualCompletionRate' | 'timeProgress' | 'progressGap'>
}

export interface RankingEntry {
  rank: number
  name: string
  projectId: string | null
  unitId: string | null
  score: Decimal
  annualCompletionRate: Decimal
  nodePunctuality: Decimal
  problemClosingRate: Decimal
  inspectionScore: Decimal | null
  flag: Flag | null
}

export interface Overview {
  programme: { id: string; name: string; year: number; district: string; office: string }
  asOfDate: IsoDate
  projectCount: number
  startedCount: number
  plannedStartCount: number
  startRate: Decimal
  figures: FiguresSummary
  completionRateChange: Decimal
  byCategory: GroupFigures[]
  byTownship: GroupFigures[]
  lights: { light: Light; count: number }[]
  overdueProblemCount: number
  problemsRaised: number
  problemsClosed: number
  monthlySeries: MonthPoint[]
  ranking: { period: RankingPeriod; label: string; formula: string; projects: RankingEntry[]; units: RankingEntry[] }
}

const groupFields = `name projectCount figures { annualPlan completedThisYear annualCompletionRate timeProgress progressGap }`
const rankingFields = `rank name projectId unitId score annualCompletionRate nodePunctuality problemClosingRate inspectionScore flag`

export const OverviewQuery = gql<
  { overview: Overview },
  { programmeId?: string | null; asOf?: string | null; period: RankingPeriod }
>(`query Overview($programmeId: ID, $asOf: DateTime, $period: RankingPeriod) {
  overview(programmeId: $programmeId, asOf: $asOf) {
    programme { id name year district office }
    asOfDate
    projectCount
    startedCount
    plannedStartCount
    startRate
    figures { ${figuresFields} }
    completionRateChange
    byCategory { ${groupFields} }
    byTownship { ${groupFields} }
    lights { light count }
    overdueProblemCount
    problemsRaised
    problemsClosed
    monthlySeries { ${monthPointFields} }
    ranking(period: $period) {
      period label formula
      projects { ${rankingFields} }
      units { ${rankingFields} }
    }
  }
}`)

export const ProgrammesQuery = gql<{ programmes: { id: string; name: string; year: number; projectCount: number }[] }>(`query Programmes {
  programmes { id name year projectCount }
}`)

/** The townships of the programme, for the project filter (the schema has no township list of its own). */
export const TownshipsQuery = gql<{ overview: { byTownship: { name: string }[] } }>(`query Townships {
  overview { byTownship { name } }
}`)
