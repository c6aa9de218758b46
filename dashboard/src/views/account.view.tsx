import { useMemo } from 'preact/hooks';
import { useQuery } from '../api/use-query';
import { DailyChart, type DailyPoint } from '../components/daily-chart';
import { StartForm } from '../components/start-form';
import { StatusBadge } from '../components/status-badge';
import { formatTime, recentDays } from '../format';
import { AccountDocument, type AccountQuery } from '../generated/graphql';

const CHART_DAYS = 90;

type Insight = NonNullable<AccountQuery['instagramAccount']>['insights'][number];

const seriesOf = (insights: readonly Insight[], metric: string): DailyPoint[] =>
  insights
    .filter((i) => i.metric === metric)
    .map(({ date, value }) => ({ date, value }))
    .sort((a, b) => a.date.localeCompare(b.date));

/** One account: profile, token, last sync, its followers history and daily insights. */
export function AccountView({ userNo }: { userNo: number }) {
  const range = useMemo(() => recentDays(CHART_DAYS), []);
  const { data, error } = useQuery(AccountDocument, { userNo, ...range }, String(userNo));
  const account = data?.instagramAccount;
  const followers = useMemo(
    () =>
      (account?.followersHistory ?? []).map(({ date, followersCount }) => ({
        date,
        value: followersCount ?? null,
      })),
    [data],
  );
  const newFollowers = useMemo(() => seriesOf(account?.insights ?? [], 'follower_count'), [data]);
  const reach = useMemo(() => seriesOf(account?.insights ?? [], 'reach'), [data]);
  return (
    <>
      <p>
        <a href="#/accounts">← Accounts</a>
      </p>
      {error && <p class="error">{error}</p>}
      {data && !account && <p>userNo {userNo} has no connected account.</p>}
      {account && (
        <>
          <section data-testid="account">
            <h2>
              {account.username ?? account.igUserId} <small>user {account.userNo}</small>
            </h2>
            <dl class="facts">
              <dt>Status</dt>
              <dd>
                {account.status} · token <StatusBadge status={account.tokenStatus} /> (
                {account.loginType}, expires {formatTime(account.tokenExpiresAt)})
              </dd>
              <dt>Last sync</dt>
              <dd>{formatTime(account.lastSyncedAt)}</dd>
              <dt>Followers / follows / media</dt>
              <dd data-testid="profile-counts">
                {account.profile
                  ? `${account.profile.followersCount ?? '—'} / ${account.profile.followsCount ?? '—'} / ${account.profile.mediaCount ?? '—'}`
                  : 'not synced yet'}
              </dd>
            </dl>
          </section>
          <section class="grid">
            <DailyChart id="followers" title="Followers" kind="line" points={followers} />
            <DailyChart
              id="new-followers"
              title="New followers per day"
              kind="bar"
              points={newFollowers}
            />
            <DailyChart id="reach" title="Reach per day" kind="line" points={reach} />
          </section>
          <section>
            <h3>Sync this account</h3>
            <StartForm userNo={userNo} />
          </section>
        </>
      )}
    </>
  );
}
