import { reactive } from 'vue'
import type { MeUser } from './documents/auth'

/** The signed-in user and token, kept in localStorage so a reload stays signed in until the token expires. */
const tokenKey = 'keyworks.token'
const expiresKey = 'keyworks.expiresAt'

export const session = reactive<{ token: string | null; expiresAt: string | null; user: MeUser | null }>({
  token: null,
  expiresAt: null,
  user: null,
})

export function restoreSession(now: Date = new Date()): void {
  const token = localStorage.getItem(tokenKey)
  const expiresAt = localStorage.getItem(expiresKey)
  if (token && (!expiresAt || new Date(expiresAt) > now)) {
    session.token = token
    session.expiresAt = expiresAt
  } else {
    signOut()
  }
}

export function signIn(token: string, expiresAt: string | null, user: MeUser): void {
  session.token = token
  session.expiresAt = expiresAt
  session.user = user
  localStorage.setItem(tokenKey, token)
  if (expiresAt) localStorage.setItem(expiresKey, expiresAt)
  else localStorage.removeItem(expiresKey)
}

export function signOut(): void {
  session.token = null
  session.expiresAt = null
  session.user = null
  localStorage.removeItem(tokenKey)
  localStorage.removeItem(expiresKey)
}
