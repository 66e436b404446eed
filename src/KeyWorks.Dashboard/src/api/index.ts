import { ElMessage } from '@/ui'
import { GraphQLClient, type Transport } from './client'
import type { Document } from './document'
import { RequestError } from './errors'
import { session, signOut } from './session'

let transport: Transport | undefined
let onSignedOut: () => void = () => {}

/** Swaps the transport; used only by the demo build to feed canned responses. */
export function useTransport(replacement: Transport): void {
  transport = replacement
  client = makeClient()
}

/** Where to go when the server says the token is no longer valid (set by the router). */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler
}

function makeClient(): GraphQLClient {
  return new GraphQLClient({
    endpoint: '/graphql',
    getToken: () => session.token,
    onUnauthenticated: () => {
      signOut()
      ElMessage.warning('登录已失效，请重新登录')
      onSignedOut()
    },
    transport,
  })
}

let client = makeClient()

export function request<TData, TVariables>(document: Document<TData, TVariables>, variables?: TVariables): Promise<TData> {
  return client.request(document, variables)
}

/** Shows a failed request's message, unless it already led back to the login page. */
export function showError(error: unknown): void {
  if (error instanceof RequestError) {
    if (error.code !== 'UNAUTHENTICATED') ElMessage.error({ message: error.message, grouping: true })
  } else {
    ElMessage.error({ message: error instanceof Error ? error.message : String(error), grouping: true })
  }
}
