import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeAccount, type FakeGraphApi } from '../src/index.js';
import { testClock, VERSION } from './support/test-client.js';

let api: FakeGraphApi;
let account: FakeAccount;

beforeAll(async () => {
  api = await createFakeGraphApi({
    accounts: 1,
    media: 3,
    comments: 2,
    now: testClock('2026-06-15T12:00:00Z').now,
  });
  account = api.data.accounts[0]!;
});
afterAll(() => api.close());

interface MediaPage {
  data: Array<{ id: string; comments_count: number; comments?: unknown }>;
}

describe('the omitNestedEdge fault', () => {
  it('leaves the nested edge out of matching answers only, keeping the rest of each node', async () => {
    const url = `${api.url}/${VERSION}/${account.igUserId}/media?fields=id,comments_count,comments.limit(5){id}`;
    const get = async () =>
      (await (
        await fetch(url, { headers: { Authorization: `Bearer ${account.accessToken}` } })
      ).json()) as MediaPage;
    api.faults.add({
      kind: 'omitNestedEdge',
      edge: 'comments',
      match: { path: '/media' },
      times: 1,
    });

    const omitted = await get();
    expect(omitted.data.length).toBeGreaterThan(0);
    expect(omitted.data.some((m) => m.comments_count > 0)).toBe(true);
    for (const media of omitted.data) expect(media).not.toHaveProperty('comments');

    const whole = await get();
    expect(whole.data.filter((m) => m.comments_count > 0).every((m) => m.comments)).toBe(true);
  });
});
