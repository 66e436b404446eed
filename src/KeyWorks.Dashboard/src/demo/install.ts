import { buildSchema, graphql } from 'graphql'
import schemaText from '../../../../schema/keyworks.graphql?raw'
import { useTransport } from '../api'
import { disableSubscriptions } from '../api/subscriptions'
import { demoRoot } from './fixtures'

/**
 * Layout-review mode (`npm run build:demo`, never in the production build): the documents the screens send are
 * executed by graphql-js against schema/keyworks.graphql over canned data, so every answer has the schema's shape.
 * `?as=office|leader|contractor|auditor` in the address signs in as that role.
 */
export async function installDemo(): Promise<void> {
  const schema = buildSchema(schemaText)
  const root = demoRoot()
  useTransport(async (body, token) => {
    await new Promise((resolve) => setTimeout(resolve, 80))
    return graphql({
      schema,
      source: body.query,
      operationName: body.operationName,
      variableValues: body.variables as Record<string, unknown>,
      rootValue: root,
      contextValue: { token },
    })
  })
  disableSubscriptions()
  const as = new URLSearchParams(window.location.search).get('as')
  if (as) {
    localStorage.setItem('keyworks.token', `demo-${as}`)
    localStorage.removeItem('keyworks.expiresAt')
  }
}
