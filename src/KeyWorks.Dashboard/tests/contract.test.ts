import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type GraphQLSchema, buildSchema, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'
import type { Document } from '../src/api/document'
import * as documents from '../src/api/documents'

const schemaPath = fileURLToPath(new URL('../../../schema/keyworks.graphql', import.meta.url))

function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(schemaPath, 'utf8'))
}

function isDocument(value: unknown): value is Document<unknown, unknown> {
  return typeof value === 'object' && value !== null && 'source' in value && 'operationName' in value
}

const sent: [string, Document<unknown, unknown>][] = Object.entries(documents as Record<string, unknown>).flatMap(
  ([name, value]): [string, Document<unknown, unknown>][] => (isDocument(value) ? [[name, value]] : []),
)

function errorsOf(schema: GraphQLSchema, source: string): string[] {
  return validate(schema, parse(source)).map((error) => error.message)
}

describe('the documents the dashboard sends', () => {
  const schema = loadSchema()

  it('are all found', () => {
    expect(sent.length).toBeGreaterThanOrEqual(20)
  })

  it.each(sent)('%s validates against schema/keyworks.graphql', (_name, document) => {
    expect(errorsOf(schema, document.source)).toEqual([])
  })

  it.each(sent)('%s names its operation as it is sent', (_name, document) => {
    const definitions = parse(document.source).definitions
    expect(definitions).toHaveLength(1)
    const operation = definitions[0]
    expect(operation?.kind === 'OperationDefinition' ? operation.name?.value : undefined).toBe(document.operationName)
  })

  it('operation names are unique', () => {
    const names = sent.map(([, document]) => document.operationName)
    expect(new Set(names).size).toBe(names.length)
  })
})

describe('the contract check', () => {
  const schema = loadSchema()

  it('fails a query naming a field the schema does not have', () => {
    const drifted = documents.MeQuery.source.replace('username', 'userName')
    expect(errorsOf(schema, drifted)).toEqual([expect.stringContaining('Cannot query field "userName" on type "User"')])
  })

  it('fails a variable of a type the schema does not have', () => {
    expect(errorsOf(schema, 'query Q($f: ProjectFilterInput) { projects(filter: $f) { totalCount } }')).not.toEqual([])
  })
})
