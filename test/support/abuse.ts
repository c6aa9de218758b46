import type { TestService } from './service.js';
import { tokens } from './tokens.js';

/** What a refusal looked like on the wire: the HTTP status and the first error's code and field. */
export interface Refusal {
  status: number;
  code: string | undefined;
  field: string | undefined;
  message: string;
}

export const adminHeaders = (): Record<string, string> => ({
  authorization: `Bearer ${tokens.admin()}`,
});

interface Answer {
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
  error?: { code?: string; field?: string | null; message: string };
}

/** Any request to the service, read as a refusal (GraphQL `errors[0]` or REST `error`). */
export async function send(
  service: TestService,
  path: string,
  init: RequestInit & { headers?: Record<string, string> },
): Promise<Refusal> {
  const response = await fetch(`${service.url}${path}`, {
    ...init,
    headers: { ...adminHeaders(), ...init.headers },
  });
  const text = await response.text();
  let body: Answer;
  try {
    body = JSON.parse(text) as Answer;
  } catch {
    throw new Error(`answered ${response.status} with a non-JSON body: ${text.slice(0, 200)}`);
  }
  const error = body.errors?.[0];
  return {
    status: response.status,
    code: error?.extensions?.code ?? body.error?.code,
    field: error?.extensions?.field ?? body.error?.field ?? undefined,
    message: error?.message ?? body.error?.message ?? '',
  };
}

/** A GraphQL POST as an admin. */
export const query = (service: TestService, text: string, variables: object = {}) =>
  send(service, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables }),
  });

/** Rows of the tables a refused request must never touch. */
export async function storedRows(service: TestService): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['sync_runs', 'sync_events', 'ig_accounts', 'ig_media', 'ig_comments']) {
    const [rows] = await service.app.sequelize.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number((rows as Array<{ n: number | string }>)[0]!.n);
  }
  return counts;
}

/** `{ a { a { … } } }` nested through comment replies to `levels` fields in all. */
export function nestedReplies(levels: number): string {
  const base = 'instagramAccount(userNo: 1) { media { edges { node { comments { edges { node {';
  const close = '} } } } } } }';
  const replies = levels - 8; // seven list levels above, one `id` below
  return `{ ${base} ${'replies { '.repeat(replies)}id${' }'.repeat(replies)} ${close} }`;
}
