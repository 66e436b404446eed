import { gql } from '../document'
import type { IsoDateTime, Role, UserError } from '../scalars'

export interface MeUser {
  id: string
  username: string
  name: string
  role: Role
  unit: { id: string; name: string } | null
  projects: { id: string; name: string }[]
}

const userFields = `id username name role unit { id name } projects { id name }`

export const LoginMutation = gql<
  { login: { token: string | null; expiresAt: IsoDateTime | null; user: MeUser | null; errors: UserError[] } },
  { input: { username: string; password: string } }
>(`mutation Login($input: LoginInput!) {
  login(input: $input) {
    token
    expiresAt
    user { ${userFields} }
    errors { code message field }
  }
}`)

export const MeQuery = gql<{ me: MeUser | null }>(`query Me {
  me { ${userFields} }
}`)
