/** Every document the dashboard sends; the contract test validates each against schema/keyworks.graphql. */
export * from './auth'
export * from './bulletins'
export * from './overview'
export * from './problems'
export * from './projects'
export * from './reports'
export * from './planning'
