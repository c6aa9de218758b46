import { useState, type FormEvent } from 'react';

/** Asks for the access token the service wants; `reason` is the service's refusal. */
export function TokenPrompt({
  reason,
  onToken,
}: {
  reason: string;
  onToken: (token: string) => void;
}) {
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onToken(token.trim());
  };
  return (
    <form className="token-prompt" onSubmit={submit}>
      <h1>Instagram Sync · GraphQL</h1>
      <p>This service needs an access token (a JWT). It is kept for this browser tab only.</p>
      <p className="token-prompt__reason" role="alert">
        {reason}
      </p>
      <label>
        Access token
        <input
          name="token"
          type="password"
          autoComplete="off"
          autoFocus
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
      </label>
      <button type="submit">Open the IDE</button>
    </form>
  );
}
