/** Errors of a GraphQL request, mapped to stable codes the screens act on. */

export interface GraphQLErrorJson {
  message: string
  path?: (string | number)[]
  extensions?: { code?: string; [key: string]: unknown }
}

/** Codes of our own for failures that never reached the resolvers. */
export const NETWORK = 'NETWORK'
export const SERVER_UNAVAILABLE = 'SERVER_UNAVAILABLE'
export const BAD_RESPONSE = 'BAD_RESPONSE'

const messages: Record<string, string> = {
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '没有权限：当前账号不能查看或修改这项内容（施工单位只能上报本单位的项目）',
  VERSION_CONFLICT: '数据已被他人修改，请刷新后再试',
  NOT_FOUND: '要找的内容不存在或已被删除',
  BAD_USER_INPUT: '填写的内容有误，请检查',
  GRAPHQL_VALIDATION_FAILED: '请求与接口不一致，请刷新页面或联系管理员',
  [NETWORK]: '网络连接中断，请检查网络后重试',
  [SERVER_UNAVAILABLE]: '服务器暂时不可用，请稍后重试',
  [BAD_RESPONSE]: '服务器返回了无法识别的内容',
}

/** A plain Chinese message for a code, or the server's own message when we have none. */
export function messageForCode(code: string, fallback?: string): string {
  return messages[code] ?? fallback ?? `请求失败（${code}）`
}

export class RequestError extends Error {
  readonly code: string
  /** True when the request may not have reached the server or the server could not answer: safe to repeat with the same idempotency key. */
  readonly retryable: boolean
  readonly graphQLErrors: GraphQLErrorJson[]

  constructor(code: string, message: string, retryable: boolean, graphQLErrors: GraphQLErrorJson[] = []) {
    super(message)
    this.name = 'RequestError'
    this.code = code
    this.retryable = retryable
    this.graphQLErrors = graphQLErrors
  }
}

/** Maps GraphQL errors of a response to one RequestError, by the first error's `extensions.code`. */
export function fromGraphQLErrors(errors: GraphQLErrorJson[]): RequestError {
  const first = errors[0]
  const code = first?.extensions?.code ?? 'GRAPHQL_ERROR'
  const message = code === 'GRAPHQL_ERROR' || !(code in messages) ? (first?.message ?? messageForCode(code)) : messageForCode(code)
  return new RequestError(code, message, false, errors)
}

/** Maps an HTTP status without a GraphQL body. */
export function fromHttpStatus(status: number): RequestError {
  if (status === 401) return new RequestError('UNAUTHENTICATED', messageForCode('UNAUTHENTICATED'), false)
  if (status === 403) return new RequestError('FORBIDDEN', messageForCode('FORBIDDEN'), false)
  if (status === 502 || status === 503 || status === 504 || status === 408 || status === 429) {
    return new RequestError(SERVER_UNAVAILABLE, messageForCode(SERVER_UNAVAILABLE), true)
  }
  return new RequestError(`HTTP_${status}`, `服务器错误（HTTP ${status}）`, status >= 500)
}
