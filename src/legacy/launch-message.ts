/**
 * The old service's start messages, word for word (callers parse and show them), plus the
 * answer when a start finds an active run for the same target.
 */
export function launchMessage(a: {
  userNo: number | null;
  months: number;
  defaultedMonths: boolean;
  deduplicated: boolean;
  executionId: string;
}): string {
  const who = a.userNo === null ? '' : `사용자 ${a.userNo}에 대한 `;
  if (a.deduplicated) {
    return `${who}Instagram 동기화 배치 작업이 이미 대기 중이거나 실행 중입니다. (실행 ID: ${a.executionId})`;
  }
  if (a.defaultedMonths)
    return `${who}Instagram 동기화 배치 작업이 비동기로 시작되었습니다. (기본값: ${a.months}개월)`;
  return `${who}${a.months}개월 데이터 동기화를 위한 Instagram 동기화 배치 작업이 비동기로 시작되었습니다.`;
}
