import { useState } from 'preact/hooks';
import { saveToken } from '../api/token';

/** Asks once for the bearer token when the API refuses a request; kept for this tab only. */
export function TokenPrompt() {
  const [value, setValue] = useState('');
  return (
    <dialog open data-testid="token-prompt">
      <article>
        <h2>Sign in</h2>
        <p>
          The service requires a token. Paste a bearer token (JWT); it is kept for this browser
          tab's session only.
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (value.trim()) saveToken(value);
          }}
        >
          <input
            type="password"
            name="token"
            aria-label="Token"
            autocomplete="off"
            value={value}
            onInput={(event) => setValue(event.currentTarget.value)}
            required
          />
          <button type="submit">Use token</button>
        </form>
      </article>
    </dialog>
  );
}
