import { gql } from '../document'
import type { BulletinStatus, IsoDate, IsoDateTime, PageInfo, UserError } from '../scalars'

export interface BulletinRow {
  id: string
  month: IsoDate
  issue: number
  title: string
  status: BulletinStatus
  cutoff: IsoDateTime
  recommendations: string | null
  progress: number
  failure: string | null
  attempts: number
  queuedAt: IsoDateTime
  finishedAt: IsoDateTime | null
  durationMs: number | null
  publishedAt: IsoDateTime | null
  publishedBy: string | null
  pageCount: number | null
  contentHash: string | null
  downloadUrl: string | null
}

const bulletinFields = `id month issue title status cutoff recommendations progress failure attempts queuedAt finishedAt durationMs
      publishedAt publishedBy pageCount contentHash downloadUrl`

export const BulletinListQuery = gql<
  { bulletins: { totalCount: number; pageInfo: PageInfo; nodes: BulletinRow[] } },
  { first: number; after?: string | null; programmeId?: string | null }
>(`query BulletinList($programmeId: ID, $first: Int, $after: String) {
  bulletins(programmeId: $programmeId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { ${bulletinFields} }
  }
}`)

type BulletinPayload = { bulletin: BulletinRow | null; errors: UserError[] }

export const GenerateBulletinMutation = gql<
  { generateBulletin: BulletinPayload },
  { input: { idempotencyKey: string; programmeId: string; month: IsoDate; leaderId?: string | null } }
>(`mutation GenerateBulletin($input: GenerateBulletinInput!) {
  generateBulletin(input: $input) { bulletin { ${bulletinFields} } errors { code message field } }
}`)

export const PublishBulletinMutation = gql<
  { publishBulletin: BulletinPayload },
  { input: { idempotencyKey: string; bulletinId: string; recommendations: string } }
>(`mutation PublishBulletin($input: PublishBulletinInput!) {
  publishBulletin(input: $input) { bulletin { ${bulletinFields} } errors { code message field } }
}`)

export const BulletinReadySubscription = gql<{ bulletinReady: BulletinRow }>(`subscription BulletinReady {
  bulletinReady { ${bulletinFields} }
}`)
