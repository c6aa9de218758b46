/**
 * The old Spring Batch service's names for itself, kept word for word: REST callers, the
 * status answer and operators' log searches rely on them.
 */

/** Spring Batch's job name: logged and stored on every run. */
export const JOB_NAME = 'instagramSyncJob';

export const BATCH_NAME = 'Instagram 동기화 배치';
export const BATCH_DESCRIPTION =
  '인스타그램 프로필, 미디어, 댓글, 인사이트 데이터를 동기화하는 배치 작업';

/** "매일 새벽 2시" for the default schedule (the old answer), the cron line otherwise. */
export function describeSchedule(cron: string, timezone: string): string {
  const daily = /^0 (\d{1,2}) \* \* \*$/.exec(cron.trim());
  if (daily) {
    const hour = Number(daily[1]);
    const part = hour < 6 ? '새벽' : hour < 12 ? '오전' : hour < 18 ? '오후' : '저녁';
    const shown = hour > 12 ? hour - 12 : hour;
    return `매일 ${part} ${shown}시`;
  }
  return `${cron} (${timezone})`;
}
