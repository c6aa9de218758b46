import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectEvents, startTestService, type TestService } from '../../support/service.js';

const post = (service: TestService, path: string) =>
  fetch(`${service.url}/api/v1/batch/instagram${path}`, { method: 'POST' });
const EXECUTION_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('the old REST API and the health endpoints', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      engine: 'sqlite',
      fake: { accounts: 2, media: 4, comments: 2 },
    });
    await service.connectAll();
  });
  afterAll(async () => {
    await service?.stop();
  });

  async function finish(executionId: string): Promise<void> {
    await collectEvents(service.ws(), executionId);
  }

  it('POST /sync starts all accounts for the default 6 months, in the old answer shape', async () => {
    const response = await post(service, '/sync');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { success: boolean; data: Record<string, unknown> };
    expect(body).toEqual({
      success: true,
      data: {
        status: 'success',
        message: 'Instagram 동기화 배치 작업이 비동기로 시작되었습니다. (기본값: 6개월)',
        executionTime: expect.stringMatching(EXECUTION_TIME),
        executionType: 'manual_async',
        monthsToSync: 6,
        executionId: expect.any(String),
        deduplicated: false,
      },
    });
    expect(body.data).not.toHaveProperty('targetUserNo');
    await finish(body.data.executionId as string);
  });

  it.each([
    [
      '/sync/user/1',
      1,
      6,
      '사용자 1에 대한 Instagram 동기화 배치 작업이 비동기로 시작되었습니다. (기본값: 6개월)',
    ],
    [
      '/sync/months/3',
      null,
      3,
      '3개월 데이터 동기화를 위한 Instagram 동기화 배치 작업이 비동기로 시작되었습니다.',
    ],
    [
      '/sync/user/2/months/6',
      2,
      6,
      '사용자 2에 대한 6개월 데이터 동기화를 위한 Instagram 동기화 배치 작업이 비동기로 시작되었습니다.',
    ],
  ])('POST %s answers with the old message', async (path, userNo, months, message) => {
    const body = (await (await post(service, path)).json()) as { data: Record<string, unknown> };
    expect(body.data).toMatchObject({
      status: 'success',
      message,
      executionType: 'manual_async',
      monthsToSync: months,
    });
    if (userNo === null) expect(body.data).not.toHaveProperty('targetUserNo');
    else expect(body.data.targetUserNo).toBe(userNo);
    await finish(body.data.executionId as string);
  });

  it.each([
    [
      '/sync/months/13',
      400,
      'BAD_USER_INPUT',
      'months must be a whole number from 1 to 12; got 13',
    ],
    [
      '/sync/months/2.5',
      400,
      'BAD_USER_INPUT',
      'months must be a whole number from 1 to 12; got "2.5"',
    ],
    ['/sync/months/0', 400, 'BAD_USER_INPUT', 'months must be a whole number from 1 to 12; got 0'],
    ['/sync/user/77', 404, 'NOT_FOUND', 'userNo 77 has no connected Instagram account'],
  ])('POST %s is refused with %i and a clear error', async (path, status, code, message) => {
    const response = await post(service, path);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      success: false,
      error: { code, message, field: expect.any(String) },
    });
  });

  it('GET /status answers the old status shape with the last execution time', async () => {
    const response = await fetch(`${service.url}/api/v1/batch/instagram/status`);
    expect(await response.json()).toEqual({
      success: true,
      data: {
        batchName: 'Instagram 동기화 배치',
        description: '인스타그램 프로필, 미디어, 댓글, 인사이트 데이터를 동기화하는 배치 작업',
        schedule: '매일 새벽 2시',
        lastExecution: expect.stringMatching(EXECUTION_TIME),
        status: 'active',
      },
    });
  });

  it('exposes Prometheus metrics of Graph API calls and run outcomes', async () => {
    const response = await fetch(`${service.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(
      /instagram_sync_graph_api_calls_total\{endpoint="\/\{ig-user-id\}",outcome="ok"\} \d+/,
    );
    expect(text).toMatch(
      /instagram_sync_run_events_total\{type="RUN_COMPLETED",status="COMPLETED"\} [1-9]/,
    );
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('reports itself alive and ready', async () => {
    expect(await (await fetch(`${service.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('schedules the nightly run once, at 02:00 in Asia/Seoul, without running it at start-up', async () => {
    const status = await service.gql<{
      batchStatus: { nextRunAt: string; cron: string; timezone: string };
    }>('{ batchStatus { nextRunAt cron timezone } }');
    const next = new Date(status.data!.batchStatus.nextRunAt);
    expect(status.data!.batchStatus).toMatchObject({ cron: '0 2 * * *', timezone: 'Asia/Seoul' });
    expect(next.getUTCHours()).toBe(17); // 02:00 KST
    expect(next.getUTCMinutes()).toBe(0);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    const scheduled = await service.app.agenda.queryJobs({ name: 'instagram-sync-scheduled' });
    expect(scheduled.total).toBe(1);
    const runs = await service.gql<{
      batchExecutions: { edges: Array<{ node: { executionType: string } }> };
    }>('{ batchExecutions(first: 100) { edges { node { executionType } } } }');
    expect(
      runs.data!.batchExecutions.edges.every((e) => e.node.executionType === 'manual_async'),
    ).toBe(true);
  });
});
