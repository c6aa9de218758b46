import { GraphiQL } from 'graphiql';
import { useEffect, useMemo, useState } from 'react';
import { checkAccess } from './access';
import { createFetcher } from './fetcher';
import { SERVICE_SCHEMA } from './schema';
import { forgetToken, keepToken, takeToken } from './token';
import { TokenPrompt } from './token-prompt';

type State =
  | { kind: 'checking' }
  | { kind: 'prompt'; reason: string }
  | { kind: 'ready'; token: string | null };

const DEFAULT_QUERY = `# Instagram Sync. Queries and mutations go over HTTP, subscriptions over graphql-ws.
query BatchStatus {
  batchStatus {
    status
    running
    nextRunAt
  }
}
`;

/** `/graphql?query=…&variables=…` opens the IDE on that operation, as GraphiQL links do. */
const fromAddress = (name: string): string | undefined =>
  new URLSearchParams(window.location.search).get(name) ?? undefined;

export function App() {
  const [state, setState] = useState<State>({ kind: 'checking' });
  const check = (token: string | null) => {
    setState({ kind: 'checking' });
    checkAccess(token).then(
      (access) => {
        if (access.ok) return setState({ kind: 'ready', token });
        forgetToken();
        setState({ kind: 'prompt', reason: access.message });
      },
      () => setState({ kind: 'prompt', reason: 'the service did not answer; try again' }),
    );
  };
  useEffect(() => check(takeToken()), []);
  const token = state.kind === 'ready' ? state.token : null;
  const fetcher = useMemo(() => createFetcher(token), [token]);

  if (state.kind === 'checking') return <p className="ide-status">Connecting…</p>;
  if (state.kind === 'prompt')
    return (
      <TokenPrompt
        reason={state.reason}
        onToken={(entered) => {
          keepToken(entered);
          check(entered);
        }}
      />
    );
  return (
    <GraphiQL
      fetcher={fetcher}
      schema={SERVICE_SCHEMA}
      defaultQuery={DEFAULT_QUERY}
      initialQuery={fromAddress('query')}
      initialVariables={fromAddress('variables')}
      // The token travels in the fetcher; headers typed into the editor must not be persisted.
      shouldPersistHeaders={false}
    />
  );
}
