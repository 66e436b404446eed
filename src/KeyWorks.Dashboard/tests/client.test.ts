import { describe, expect, it } from 'vitest'
import { GraphQLClient, httpTransport } from '../src/api/client'
import { MeQuery } from '../src/api/documents'
import { RequestError } from '../src/api/errors'

function respond(status: number, body: unknown): typeof fetch {
  return async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('the GraphQL client', () => {
  it('posts JSON with the bearer token and returns the data', async () => {
    let sent: RequestInit | undefined
    const client = new GraphQLClient({
      getToken: () => 'abc',
      fetch: async (_url, init) => { sent = init; return new Response(JSON.stringify({ data: { me: null } })) },
    })
    await expect(client.request(MeQuery)).resolves.toEqual({ me: null })
    expect(sent?.method).toBe('POST')
    expect((sent?.headers as Record<string, string>).Authorization).toBe('Bearer abc')
    expect(JSON.parse(String(sent?.body))).toMatchObject({ operationName: 'Me' })
  })

  it('maps UNAUTHENTICATED to a sign-out', async () => {
    let signedOut = 0
    const client = new GraphQLClient({
      getToken: () => 'old',
      onUnauthenticated: () => { signedOut++ },
      fetch: respond(200, { errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }] }),
    })
    await expect(client.request(MeQuery)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', retryable: false })
    expect(signedOut).toBe(1)
  })

  it('maps FORBIDDEN to a plain Chinese message', async () => {
    const client = new GraphQLClient({
      getToken: () => 't',
      fetch: respond(200, { data: null, errors: [{ message: 'forbidden', extensions: { code: 'FORBIDDEN' } }] }),
    })
    await expect(client.request(MeQuery)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('没有权限') })
  })

  it('keeps the server message for a code it does not know', async () => {
    const client = new GraphQLClient({
      getToken: () => null,
      fetch: respond(200, { errors: [{ message: '节点日期早于上一节点', extensions: { code: 'NODE_DATE_BEFORE_PREVIOUS' } }] }),
    })
    await expect(client.request(MeQuery)).rejects.toMatchObject({ code: 'NODE_DATE_BEFORE_PREVIOUS', message: '节点日期早于上一节点' })
  })

  it('reads GraphQL errors from a 4xx GraphQL response', async () => {
    const transport = httpTransport('/graphql', respond(400, { errors: [{ message: 'x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }))
    const client = new GraphQLClient({ getToken: () => null, transport })
    await expect(client.request(MeQuery)).rejects.toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' })
  })

  it('marks a dropped connection and a gateway timeout as retryable', async () => {
    const dropped = new GraphQLClient({ getToken: () => null, fetch: async () => { throw new TypeError('Failed to fetch') } })
    await expect(dropped.request(MeQuery)).rejects.toMatchObject({ code: 'NETWORK', retryable: true })
    const gateway = new GraphQLClient({ getToken: () => null, fetch: respond(504, '<html>timeout</html>') })
    await expect(gateway.request(MeQuery)).rejects.toMatchObject({ code: 'SERVER_UNAVAILABLE', retryable: true })
  })

  it('maps a bare 401 to UNAUTHENTICATED', async () => {
    const client = new GraphQLClient({ getToken: () => null, fetch: respond(401, 'no') })
    const error = await client.request(MeQuery).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RequestError)
    expect((error as RequestError).code).toBe('UNAUTHENTICATED')
  })
})
