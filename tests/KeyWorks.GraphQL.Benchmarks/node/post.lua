-- wrk script: POST the small query as JSON.
wrk.method = "POST"
wrk.body = '{"query":"{ item(id: \\"7\\") { id name price } }"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
