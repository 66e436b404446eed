/** A GraphQL document with the TypeScript shapes of its result and variables. */
export interface Document<TData, TVariables> {
  readonly source: string
  readonly operationName: string
  /** Phantom fields: they carry the types only, never a value. */
  readonly __data?: TData
  readonly __variables?: TVariables
}

export type DataOf<D> = D extends Document<infer T, unknown> ? T : never

const operationPattern = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/m

/** Declares a document; the operation must be named so the server's logs and the demo fixtures can tell them apart. */
export function gql<TData, TVariables = Record<string, never>>(source: string): Document<TData, TVariables> {
  const match = operationPattern.exec(source)
  if (!match?.[1]) throw new Error('A GraphQL document must be a named operation')
  return { source, operationName: match[1] }
}
