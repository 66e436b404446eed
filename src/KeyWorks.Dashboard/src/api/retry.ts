import { RequestError } from './errors'

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number
  /** Delay before the first retry; doubled each time up to maxDelayMs. */
  baseDelayMs?: number
  maxDelayMs?: number
  sleep?: (ms: number) => Promise<void>
  /** Told before each retry, e.g. to show "网络中断，正在重试 (2/4)". */
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function isRetryable(error: unknown): boolean {
  return error instanceof RequestError && error.retryable
}

/** Exponential backoff: base, 2·base, 4·base … capped. */
export function backoffDelay(retry: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1))
}

/**
 * Runs `send` with one idempotency key, repeating it with the same key while the failure is retryable
 * (no answer arrived), so the server applies the submission at most once.
 */
export async function sendWithRetry<T>(key: string, send: (key: string) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4
  const baseDelayMs = options.baseDelayMs ?? 800
  const maxDelayMs = options.maxDelayMs ?? 8000
  const sleep = options.sleep ?? defaultSleep
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(key)
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error
      const delay = backoffDelay(attempt, baseDelayMs, maxDelayMs)
      options.onRetry?.(attempt + 1, delay, error)
      await sleep(delay)
    }
  }
}

/**
 * The idempotency key of one form. A key is made when a submission starts and kept until the server gives a
 * definite answer (a result or a non-retryable error): pressing 提交 again after the retries ran out repeats the
 * same submission with the same key. A changed form is a new submission and gets a new key, because the server
 * answers a repeated key with its first result whatever the input.
 */
export class IdempotentSubmission {
  private key: string | null = null
  private input: string | null = null
  private readonly newKey: () => string

  constructor(newKey: () => string = () => crypto.randomUUID()) {
    this.newKey = newKey
  }

  /** The key the next submission of `input` will carry. */
  keyFor(input: unknown): string {
    const text = JSON.stringify(input)
    if (this.key === null || this.input !== text) {
      this.key = this.newKey()
      this.input = text
    }
    return this.key
  }

  async submit<T>(input: unknown, send: (key: string) => Promise<T>, options?: RetryOptions): Promise<T> {
    const key = this.keyFor(input)
    try {
      const result = await sendWithRetry(key, send, options)
      this.forget()
      return result
    } catch (error) {
      if (!isRetryable(error)) this.forget()
      throw error
    }
  }

  /** Forgets the key after a definite answer, so the next submission is a new one. */
  forget(): void {
    this.key = null
    this.input = null
  }
}

/**
 * The idempotency key of one opening of a form that creates or plans something (项目登记, 年度计划, 节点计划): made when
 * the form opens and kept until it is opened again, whatever is changed in between. A double click, an automatic
 * retry or a re-submit after correcting a rejected field all carry the same key, so the server records the form at
 * most once: a rejected input appends nothing, and a registration whose answer was lost is answered with the first.
 */
export class FormOpeningSubmission {
  private key: string
  private readonly newKey: () => string

  constructor(newKey: () => string = () => crypto.randomUUID()) {
    this.newKey = newKey
    this.key = newKey()
  }

  /** A new opening of the form: a new key. */
  open(): void {
    this.key = this.newKey()
  }

  /** The key every submission of this opening carries. */
  keyFor(_input?: unknown): string {
    return this.key
  }

  async submit<T>(_input: unknown, send: (key: string) => Promise<T>, options?: RetryOptions): Promise<T> {
    return sendWithRetry(this.key, send, options)
  }
}
