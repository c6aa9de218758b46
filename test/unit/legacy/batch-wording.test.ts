import { describe, expect, it } from '@jest/globals';
import { describeSchedule } from '../../../src/legacy/batch-wording.js';
import { launchMessage } from '../../../src/legacy/launch-message.js';
import { assertMonths } from '../../../src/runs/run-launcher.js';

describe("the old service's wording", () => {
  it.each([
    [null, 6, true, 'Instagram 동기화 배치 작업이 비동기로 시작되었습니다. (기본값: 6개월)'],
    [
      1,
      6,
      true,
      '사용자 1에 대한 Instagram 동기화 배치 작업이 비동기로 시작되었습니다. (기본값: 6개월)',
    ],
    [
      null,
      3,
      false,
      '3개월 데이터 동기화를 위한 Instagram 동기화 배치 작업이 비동기로 시작되었습니다.',
    ],
    [
      1,
      6,
      false,
      '사용자 1에 대한 6개월 데이터 동기화를 위한 Instagram 동기화 배치 작업이 비동기로 시작되었습니다.',
    ],
  ])(
    'user %p, %i months (defaulted: %p) reads as the old guide',
    (userNo, months, defaultedMonths, message) => {
      expect(
        launchMessage({ userNo, months, defaultedMonths, deduplicated: false, executionId: '1' }),
      ).toBe(message);
    },
  );

  it('tells a caller whose start found an active run which run that is', () => {
    expect(
      launchMessage({
        userNo: 3,
        months: 6,
        defaultedMonths: true,
        deduplicated: true,
        executionId: '42',
      }),
    ).toBe(
      '사용자 3에 대한 Instagram 동기화 배치 작업이 이미 대기 중이거나 실행 중입니다. (실행 ID: 42)',
    );
  });

  it('describes the default schedule as the old status did, and others by their cron line', () => {
    expect(describeSchedule('0 2 * * *', 'Asia/Seoul')).toBe('매일 새벽 2시');
    expect(describeSchedule('0 14 * * *', 'Asia/Seoul')).toBe('매일 오후 2시');
    expect(describeSchedule('*/30 * * * *', 'UTC')).toBe('*/30 * * * * (UTC)');
  });

  it.each([0, 13, -1, 2.5, Number.NaN])('refuses %p months, naming the allowed range', (months) => {
    expect(() => assertMonths(months)).toThrow(
      `months must be a whole number from 1 to 12; got ${months}`,
    );
  });

  it.each([1, 6, 12])('accepts %i months', (months) => {
    expect(() => assertMonths(months)).not.toThrow();
  });
});
