import { useState } from 'preact/hooks';
import { request } from '../api/graphql';
import { StartSyncDocument } from '../generated/graphql';

/** Why the form cannot be sent, or null: the service refuses the same values with the same rule. */
export function startFormProblem(target: 'all' | 'one', userNo: string, months: string) {
  if (!/^\d+$/.test(months) || Number(months) < 1 || Number(months) > 12)
    return 'months must be a whole number from 1 to 12';
  if (target === 'one' && (!/^\d+$/.test(userNo) || Number(userNo) < 1))
    return 'userNo must be a positive whole number';
  return null;
}

/** Starts a sync of all accounts or one user over 1–12 months; opens the run it queued. */
export function StartForm({ userNo: fixedUserNo }: { userNo?: number }) {
  const [target, setTarget] = useState<'all' | 'one'>(fixedUserNo ? 'one' : 'all');
  const [userNo, setUserNo] = useState(fixedUserNo ? String(fixedUserNo) : '');
  const [months, setMonths] = useState('6');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = startFormProblem(target, userNo, months);
    setMessage(problem);
    if (problem) return;
    setBusy(true);
    try {
      const { startInstagramSync: launch } = await request(StartSyncDocument, {
        userNo: target === 'one' ? Number(userNo) : null,
        months: Number(months),
      });
      location.hash = `#/runs/${encodeURIComponent(launch.executionId)}`;
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} data-testid="start-form" noValidate>
      <fieldset class="grid">
        <label>
          Target
          <select
            name="target"
            value={target}
            disabled={fixedUserNo !== undefined}
            onChange={(e) => setTarget(e.currentTarget.value as 'all' | 'one')}
          >
            <option value="all">All accounts</option>
            <option value="one">One user</option>
          </select>
        </label>
        <label>
          userNo
          <input
            name="userNo"
            inputMode="numeric"
            value={userNo}
            disabled={target === 'all' || fixedUserNo !== undefined}
            onInput={(e) => setUserNo(e.currentTarget.value)}
          />
        </label>
        <label>
          Months (1–12)
          <input
            name="months"
            type="number"
            min={1}
            max={12}
            value={months}
            onInput={(e) => setMonths(e.currentTarget.value)}
          />
        </label>
        <div class="submit">
          <button type="submit" disabled={busy}>
            Start sync
          </button>
        </div>
      </fieldset>
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
