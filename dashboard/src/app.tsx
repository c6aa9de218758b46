import { useEffect, useState } from 'preact/hooks';
import { isTokenRequested, onTokenChange } from './api/token';
import { TokenPrompt } from './components/token-prompt';
import { useRoute, type Route } from './routing';
import { AccountView } from './views/account.view';
import { AccountsView } from './views/accounts.view';
import { OverviewView } from './views/overview.view';
import { RunView } from './views/run.view';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'run':
      return <RunView key={route.id} id={route.id} />;
    case 'accounts':
      return <AccountsView />;
    case 'account':
      return <AccountView key={route.userNo} userNo={route.userNo} />;
    default:
      return <OverviewView />;
  }
}

export function App() {
  const route = useRoute();
  const [askToken, setAskToken] = useState(isTokenRequested());
  useEffect(() => onTokenChange(() => setAskToken(isTokenRequested())), []);
  return (
    <>
      <header class="container">
        <nav>
          <ul>
            <li>
              <strong>Instagram Sync</strong>
            </li>
          </ul>
          <ul>
            <li>
              <a href="#/">Runs</a>
            </li>
            <li>
              <a href="#/accounts">Accounts</a>
            </li>
          </ul>
        </nav>
      </header>
      <main class="container">
        <Page route={route} />
      </main>
      {askToken && <TokenPrompt />}
    </>
  );
}
