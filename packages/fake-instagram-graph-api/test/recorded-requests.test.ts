import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createFakeGraphApi, type FakeAccount, type FakeGraphApi } from '../src/index.js';
import { call } from './support/test-client.js';

let api: FakeGraphApi;
let owner: FakeAccount;

beforeAll(async () => {
  api = await createFakeGraphApi({ accounts: 1, media: 2, comments: 1 });
  owner = api.data.accounts[0] as FakeAccount;
});

afterAll(() => api.close());

const lastRecord = () => api.requests.at(-1);

describe('the request log', () => {
  it('records no error code for an answer that succeeded', async () => {
    await call(api, owner.igUserId, { token: owner.accessToken });
    expect(lastRecord()?.status).toBe(200);
    expect(lastRecord()).not.toHaveProperty('errorCode');
  });

  it('records the throttling code of a throttled answer, which its status alone does not tell', async () => {
    const id = api.faults.add({ kind: 'throttle', code: 613, times: 1 });
    await call(api, owner.igUserId, { token: owner.accessToken });
    api.faults.remove(id);
    expect(lastRecord()).toMatchObject({ status: 400, errorCode: 613 });
  });

  it('records the code of any other error answer', async () => {
    await call(api, `${owner.igUserId}/nowhere`, { token: owner.accessToken });
    expect(lastRecord()).toMatchObject({ status: 400, errorCode: 2500 });
  });
});
