import type { Logger } from '../config/logger.js';
import type { StepName } from '../sync/step.contract.js';
import { JOB_NAME } from './batch-wording.js';

/** What the job-start line names of a run. */
interface StartedRun {
  id: string;
  monthsToSync: number;
  targetUserNo: number | null;
}

const STEP_BEAN: Record<StepName, string> = {
  profile: 'profileSyncStep',
  media: 'mediaSyncStep',
  comments: 'commentSyncStep',
  insights: 'insightSyncStep',
};

const seconds = (ms: number) => `${ms}ms (${Math.round(ms / 1000)}초)`;

/**
 * The old Spring Batch service's log lines (operators grep for them), as structured pino
 * records: the Korean message the old service printed plus the fields as data.
 */
export class BatchLog {
  constructor(private readonly logger: Logger) {}

  jobStarted(run: StartedRun, startedAt: Date): void {
    this.logger.info(
      {
        executionId: run.id,
        jobName: JOB_NAME,
        startTime: startedAt.toISOString(),
        months: run.monthsToSync,
        targetUserNo: run.targetUserNo,
      },
      `=== Instagram 배치 작업 시작 === 작업 ID: ${run.id}, 작업 이름: ${JOB_NAME}, 시작 시간: ${startedAt.toISOString()}`,
    );
  }

  stepStarted(runId: string, step: StepName, accounts: number): void {
    this.logger.info(
      { executionId: runId, step: STEP_BEAN[step], accounts },
      `=== Instagram 배치 단계 시작 === 단계 이름: ${STEP_BEAN[step]} (대상 사용자 수: ${accounts})`,
    );
  }

  accountCompleted(runId: string, step: StepName, userNo: number, written: number): void {
    this.logger.info(
      { executionId: runId, step: STEP_BEAN[step], userNo, written },
      `사용자 ${userNo} ${step} 동기화 완료`,
    );
  }

  accountFailed(
    runId: string,
    step: StepName,
    userNo: number,
    code: string,
    message: string,
  ): void {
    this.logger.error(
      { executionId: runId, step: STEP_BEAN[step], userNo, errorCode: code, error: message },
      `사용자 ${userNo} ${step} 동기화 실패: ${message}`,
    );
  }

  stepCompleted(runId: string, step: StepName, status: string, durationMs: number): void {
    this.logger.info(
      { executionId: runId, step: STEP_BEAN[step], status, durationMs },
      `=== Instagram 배치 단계 완료 === 단계 이름: ${STEP_BEAN[step]}, 단계 실행 시간: ${seconds(durationMs)}`,
    );
  }

  jobEnded(runId: string, status: string, durationMs: number, error: string | null): void {
    const outcome =
      status === 'COMPLETED'
        ? '배치 작업 성공적으로 완료되었습니다.'
        : status === 'CANCELLED'
          ? '배치 작업이 취소되었습니다.'
          : `배치 작업 종료: ${status}`;
    const record = { executionId: runId, jobName: JOB_NAME, status, durationMs, error };
    const line = `=== Instagram 배치 작업 완료 === 작업 ID: ${runId}, 작업 이름: ${JOB_NAME}, 총 실행 시간: ${seconds(durationMs)}, ${outcome}`;
    if (status === 'FAILED') this.logger.error(record, line);
    else this.logger.info(record, line);
  }

  /** The detail of a failure stored only as `ref` on a run, step or event. */
  internalFailure(context: Record<string, unknown>, ref: string, error: unknown): void {
    this.logger.error({ ...context, ref, err: error }, `internal failure (ref ${ref})`);
  }
}
