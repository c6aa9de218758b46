import { useState } from 'preact/hooks';
import { useQuery } from '../api/use-query';
import { StatusBadge } from '../components/status-badge';
import { formatTime } from '../format';
import { AccountsDocument, type AccountsQuery } from '../generated/graphql';
import { accountHref } from '../routing';

type Account = AccountsQuery['instagramAccounts']['edges'][number]['node'];

/** Every connected account the token may see (an admin: all), with token status and last sync. */
export function AccountsView() {
  const [after, setAfter] = useState<string | null>(null);
  const { data, error } = useQuery(AccountsDocument, { after }, `accounts-${after ?? ''}`);
  const page = data?.instagramAccounts;
  return (
    <section>
      <h2>Accounts</h2>
      {error && <p class="error">{error}</p>}
      <table class="striped" data-testid="accounts">
        <thead>
          <tr>
            <th>userNo</th>
            <th>Username</th>
            <th>Status</th>
            <th>Token</th>
            <th>Followers</th>
            <th>Last sync</th>
          </tr>
        </thead>
        <tbody>
          {(page?.edges ?? []).map(({ node }) => (
            <AccountRow key={node.userNo} account={node} />
          ))}
        </tbody>
      </table>
      {page && page.edges.length === 0 && <p>No account is connected yet.</p>}
      {page?.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(page.pageInfo.endCursor ?? null)}>
          Next accounts
        </button>
      )}
    </section>
  );
}

function AccountRow({ account }: { account: Account }) {
  return (
    <tr data-account={account.userNo}>
      <td>
        <a href={accountHref(account.userNo)}>{account.userNo}</a>
      </td>
      <td>{account.username ?? '—'}</td>
      <td>{account.status}</td>
      <td>
        <StatusBadge status={account.tokenStatus} />
      </td>
      <td>{account.profile?.followersCount ?? '—'}</td>
      <td>{formatTime(account.lastSyncedAt)}</td>
    </tr>
  );
}
