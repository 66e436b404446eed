import { describe, expect, it } from 'vitest'
import { NETWORK, RequestError } from '../src/api/errors'
import { GraphQLClient } from '../src/api/client'
import { IdempotentSubmission, backoffDelay, sendWithRetry } from '../src/api/retry'
import { ReportInvestmentMutation } from '../src/api/documents'

const dropped = () => new RequestError(NETWORK, '网络连接中断', true)
const noSleep = { sleep: async () => {} }

function keys(): () => string {
  let n = 0
  return () => `key-${++n}`
}

describe('sending with retry', () => {
  it('repeats a dropped request with the same idempotency key until it gets through', async () => {
    const seen: string[] = []
    const result = await sendWithRetry('k1', async (key) => {
      seen.push(key)
      if (seen.length < 3) throw dropped()
      return 'ok'
    }, noSleep)
    expect(result).toBe('ok')
    expect(seen).toEqual(['k1', 'k1', 'k1'])
  })

  it('waits longer before each retry, up to the cap', async () => {
    const waits: number[] = []
    await expect(sendWithRetry('k', async () => { throw dropped() }, {
      attempts: 5, baseDelayMs: 100, maxDelayMs: 500, sleep: async (ms) => { waits.push(ms) },
    })).rejects.toThrow(RequestError)
    expect(waits).toEqual([100, 200, 400, 500])
    expect(backoffDelay(1, 800, 8000)).toBe(800)
  })

  it('does not repeat a request the server answered with an error', async () => {
    let calls = 0
    await expect(sendWithRetry('k', async () => {
      calls++
      throw new RequestError('FORBIDDEN', '没有权限', false)
    }, noSleep)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(calls).toBe(1)
  })

  it('gives up after the attempts and rethrows the network failure', async () => {
    let calls = 0
    await expect(sendWithRetry('k', async () => { calls++; throw dropped() }, { ...noSleep, attempts: 3 }))
      .rejects.toMatchObject({ code: NETWORK, retryable: true })
    expect(calls).toBe(3)
  })
})

describe('a form submission', () => {
  it('keeps its key when the user presses submit again after the retries ran out', async () => {
    const submission = new IdempotentSubmission(keys())
    const seen: string[] = []
    const input = { projectId: 'P1', amount: '1000.00' }
    await expect(submission.submit(input, async (key) => { seen.push(key); throw dropped() }, { ...noSleep, attempts: 2 })).rejects.toThrow()
    await submission.submit(input, async (key) => { seen.push(key); return 'ok' }, noSleep)
    expect(seen).toEqual(['key-1', 'key-1', 'key-1'])
  })

  it('takes a new key after the server answered', async () => {
    const submission = new IdempotentSubmission(keys())
    const input = { projectId: 'P1', amount: '1000.00' }
    const first = await submission.submit(input, async (key) => key, noSleep)
    const second = await submission.submit(input, async (key) => key, noSleep)
    expect([first, second]).toEqual(['key-1', 'key-2'])
  })

  it('takes a new key after a validation answer, so the corrected form is not answered with the old result', async () => {
    const submission = new IdempotentSubmission(keys())
    await expect(submission.submit({ amount: '-1' }, async () => { throw new RequestError('BAD_USER_INPUT', '金额有误', false) }, noSleep)).rejects.toThrow()
    expect(submission.keyFor({ amount: '-1' })).toBe('key-2')
  })

  it('takes a new key when the form changed after a dropped submission', async () => {
    const submission = new IdempotentSubmission(keys())
    await expect(submission.submit({ amount: '1' }, async () => { throw dropped() }, { ...noSleep, attempts: 1 })).rejects.toThrow()
    expect(submission.keyFor({ amount: '2' })).toBe('key-2')
  })

  it('sends the same key in the mutation body on each retry through the client', async () => {
    const bodies: { operationName: string; variables: { input: { idempotencyKey: string } } }[] = []
    let fail = 2
    const client = new GraphQLClient({
      getToken: () => 'token',
      transport: async (body) => {
        bodies.push(body as (typeof bodies)[number])
        if (fail-- > 0) throw dropped()
        return { data: { reportInvestment: { report: null, errors: [] } } }
      },
    })
    const submission = new IdempotentSubmission(keys())
    const input = { projectId: 'P1', month: '2026-10-01', amount: '1250000.00' }
    await submission.submit(input, (idempotencyKey) => client.request(ReportInvestmentMutation, { input: { ...input, idempotencyKey } }), noSleep)
    expect(bodies.map((b) => b.operationName)).toEqual(['ReportInvestment', 'ReportInvestment', 'ReportInvestment'])
    expect(new Set(bodies.map((b) => b.variables.input.idempotencyKey))).toEqual(new Set(['key-1']))
  })
})
