import { reactive, ref } from 'vue'
import { RequestError } from './errors'
import { FormOpeningSubmission, IdempotentSubmission, type RetryOptions } from './retry'
import type { UserError } from './scalars'

/** Splits a payload's errors into those beside a field (by the last element of `field`) and the rest. */
export function splitUserErrors(errors: UserError[]): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {}
  const general: string[] = []
  for (const error of errors) {
    const field = error.field && error.field.length > 0 ? error.field[error.field.length - 1] : undefined
    if (field && field !== 'input') fields[field] = fields[field] ? `${fields[field]}；${error.message}` : error.message
    else general.push(error.message)
  }
  return { fields, general }
}

/**
 * A form's submit: one idempotency key per submission, retried with backoff on a dropped connection,
 * with the API's field errors and error codes kept for the template.
 */
export function useSubmitter(retry: RetryOptions = {}, submission: Pick<IdempotentSubmission, 'submit'> = new IdempotentSubmission()) {
  const busy = ref(false)
  const retrying = ref('')
  const fieldErrors = reactive<Record<string, string>>({})
  const formError = ref('')
  const errorCode = ref('')

  function clear(): void {
    for (const key of Object.keys(fieldErrors)) delete fieldErrors[key]
    formError.value = ''
    errorCode.value = ''
    retrying.value = ''
  }

  /** Returns the payload when the server accepted the input, else null with the errors shown. */
  async function submit<T>(input: unknown, send: (key: string) => Promise<T>, errorsOf: (payload: T) => UserError[]): Promise<T | null> {
    clear()
    busy.value = true
    try {
      const payload = await submission.submit(input, send, {
        ...retry,
        onRetry: (attempt, delayMs) => {
          retrying.value = `网络中断，${Math.round(delayMs / 100) / 10} 秒后第 ${attempt} 次重试（同一次提交，不会重复）`
        },
      })
      const errors = errorsOf(payload)
      if (errors.length > 0) {
        const { fields, general } = splitUserErrors(errors)
        Object.assign(fieldErrors, fields)
        formError.value = general.join('；')
        errorCode.value = errors.map((e) => e.code).join(', ')
        return null
      }
      return payload
    } catch (error) {
      if (error instanceof RequestError) {
        errorCode.value = error.code
        formError.value = error.retryable ? `${error.message}。再次点击提交会重发同一次提交，不会重复上报。` : error.message
      } else {
        formError.value = error instanceof Error ? error.message : String(error)
      }
      return null
    } finally {
      busy.value = false
      retrying.value = ''
    }
  }

  return { submit, clear, busy, retrying, fieldErrors, formError, errorCode }
}

/**
 * A submitter whose idempotency key belongs to one opening of the form (see `FormOpeningSubmission`): call `open()`
 * each time the form is shown; until then every submit, retry or correction carries the same key.
 */
export function useFormOpeningSubmitter(retry: RetryOptions = {}, submission = new FormOpeningSubmission()) {
  const submitter = useSubmitter(retry, submission)
  const busy = submitter.busy
  /** Starts a new opening: a new key and no errors shown. */
  function open(): void {
    submission.open()
    submitter.clear()
  }
  /** Like `submit`, but a second call while one is in flight (a double click) is ignored. */
  async function submitOnce<T>(input: unknown, send: (key: string) => Promise<T>, errorsOf: (payload: T) => UserError[]): Promise<T | null> {
    if (busy.value) return null
    return submitter.submit(input, send, errorsOf)
  }
  return { ...submitter, submit: submitOnce, open, key: () => submission.keyFor() }
}
