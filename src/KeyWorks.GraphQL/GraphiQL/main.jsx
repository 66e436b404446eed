// The GraphiQL page of the GraphQL endpoint: talks to the endpoint it was served from.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';

const url = window.location.pathname;
const subscriptionUrl = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + url;
const fetcher = createGraphiQLFetcher({ url, subscriptionUrl });
createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher }));
