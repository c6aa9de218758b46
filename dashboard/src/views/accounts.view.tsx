import { useState } from 'preact/hooks';
import { useQuery } from '../api/use-query';
import { currentToken } from '../api/token';
import { StatusBadge } from '../components/status-badge';
import { formatTime } from '../format';
import {
  AccountSummaryDocument,
  KnownAccountsDocument,
  type KnownAccountsQuery,
} from '../generated/graphql';
import { accountHref } from '../routing';

const LOOKED_UP_KEY = 'instagram-sync-accounts';

const lookedUp = (): number[] => JSON.parse(sessionStorage.getItem(LOOKED_UP_KEY) ?? '[]');

/** A `user` token's own userNo (its `sub`), read without checking: the service checks it. */
function tokenUserNo(): number | null {
  try {
    const claims = JSON.parse(atob((currentToken() ?? '').split('.')[1] ?? ''));
    return claims.role === 'user' ? Number(claims.sub) : null;
  } catch {
    return null;
  }
}

function knownUserNos(data: KnownAccountsQuery | null): number[] {
  const fromRuns = (data?.batchExecutions.edges ?? []).flatMap(({ node }) => [
    node.targetUserNo,
    ...node.steps.flatMap((s) => s.failures.map((f) => f.userNo)),
  ]);
  const all = [tokenUserNo(), ...lookedUp(), ...fromRuns].filter((n): n is number => n !== null);
  return [...new Set(all)].sort((a, b) => a - b);
}

/** Accounts the runs name, or looked up by userNo, with their token status and last sync. */
export function AccountsView() {
  const { data, error } = useQuery(KnownAccountsDocument, {}, 'known-accounts');
  const [extra, setExtra] = useState('');
  const [version, setVersion] = useState(0);
  const userNos = knownUserNos(data);
  return (
    <section>
      <h2>Accounts</h2>
      {error && <p class="error">{error}</p>}
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          if (!/^\d+$/.test(extra)) return;
          sessionStorage.setItem(LOOKED_UP_KEY, JSON.stringify([...lookedUp(), Number(extra)]));
          setExtra('');
          setVersion(version + 1);
        }}
      >
        <input
          name="lookup"
          placeholder="Look up a userNo"
          inputMode="numeric"
          value={extra}
          onInput={(e) => setExtra(e.currentTarget.value)}
        />
        <button type="submit">Look up</button>
      </form>
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
          {userNos.map((userNo) => (
            <AccountRow key={userNo} userNo={userNo} />
          ))}
        </tbody>
      </table>
      <p>
        <small>
          Accounts appear here once a run names them (as its target or a failure), or when looked
          up.
        </small>
      </p>
    </section>
  );
}

function AccountRow({ userNo }: { userNo: number }) {
  const { data, error } = useQuery(AccountSummaryDocument, { userNo }, String(userNo));
  const account = data?.instagramAccount;
  if (error || (data && !account))
    return (
      <tr>
        <td>{userNo}</td>
        <td colSpan={5}>{error ?? 'not connected'}</td>
      </tr>
    );
  return (
    <tr data-account={userNo}>
      <td>
        <a href={accountHref(userNo)}>{userNo}</a>
      </td>
      <td>{account?.username ?? '—'}</td>
      <td>{account?.status ?? '…'}</td>
      <td>{account && <StatusBadge status={account.tokenStatus} />}</td>
      <td>{account?.profile?.followersCount ?? '—'}</td>
      <td>{formatTime(account?.lastSyncedAt)}</td>
    </tr>
  );
}
