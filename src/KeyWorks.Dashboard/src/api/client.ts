import type { Document } from './document'
import { BAD_RESPONSE, type GraphQLErrorJson, NETWORK, RequestError, fromGraphQLErrors, fromHttpStatus, messageForCode } from './errors'

/** Sends one GraphQL operation body and answers with the parsed response, or throws a RequestError. */
export type Transport = (body: { query: string; operationName: string; variables: unknown }, token: string | null) => Promise<unknown>

export interface ClientOptions {
  endpoint?: string
  getToken: () => string | null
  /** Called once when the server says the token is missing or expired. */
  onUnauthenticated?: () => void
  transport?: Transport
  fetch?: typeof fetch
}

interface GraphQLResponseJson {
  data?: unknown
  errors?: GraphQLErrorJson[]
}

function isResponseJson(value: unknown): value is GraphQLResponseJson {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value)
}

/** POSTs application/json to the endpoint (GraphQL over HTTP). */
export function httpTransport(endpoint: string, fetchImpl: typeof fetch): Transport {
  return async (body, token) => {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
    }
    if (token) headers.Authorization = `Bearer ${token}`
    let response: Response
    try {
      response = await fetchImpl(endpoint, { method: 'POST', headers, body: JSON.stringify(body) })
    } catch {
      // fetch rejects only when no HTTP answer arrived: the request may or may not have reached the server.
      throw new RequestError(NETWORK, messageForCode(NETWORK), true)
    }
    let json: unknown
    try {
      json = await response.json()
    } catch {
      throw response.ok ? new RequestError(BAD_RESPONSE, messageForCode(BAD_RESPONSE), false) : fromHttpStatus(response.status)
    }
    // GraphQL over HTTP may answer 4xx with a GraphQL body; its errors say more than the status.
    if (isResponseJson(json)) return json
    throw response.ok ? new RequestError(BAD_RESPONSE, messageForCode(BAD_RESPONSE), false) : fromHttpStatus(response.status)
  }
}

export class GraphQLClient {
  private readonly transport: Transport
  private readonly options: ClientOptions

  constructor(options: ClientOptions) {
    this.options = options
    this.transport = options.transport ?? httpTransport(options.endpoint ?? '/graphql', options.fetch ?? globalThis.fetch.bind(globalThis))
  }

  /** Runs an operation. Errors in `errors` without data reject; partial data with errors also rejects, as no screen shows half an answer. */
  async request<TData, TVariables>(document: Document<TData, TVariables>, variables?: TVariables): Promise<TData> {
    try {
      const json = await this.transport(
        { query: document.source, operationName: document.operationName, variables: variables ?? {} },
        this.options.getToken(),
      )
      if (!isResponseJson(json)) throw new RequestError(BAD_RESPONSE, messageForCode(BAD_RESPONSE), false)
      if (json.errors && json.errors.length > 0) throw fromGraphQLErrors(json.errors)
      if (json.data === undefined || json.data === null) throw new RequestError(BAD_RESPONSE, messageForCode(BAD_RESPONSE), false)
      return json.data as TData
    } catch (error) {
      if (error instanceof RequestError && error.code === 'UNAUTHENTICATED') this.options.onUnauthenticated?.()
      throw error
    }
  }
}
