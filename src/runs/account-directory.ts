import type { SyncAccount } from '../sync/step.contract.js';

/** What the run machinery needs to know about connected accounts. */
export interface AccountDirectory {
  /** Active accounts of a target (all, or one userNo), tokens decrypted. */
  targets(userNo: number | null): Promise<SyncAccount[]>;
  /** One account with its token decrypted; null if unknown or not active. */
  find(userNo: number): Promise<SyncAccount | null>;
  /** 'active', 'disconnected', 'token_invalid', or null for an unknown userNo. */
  statusOf(userNo: number): Promise<string | null>;
  /** Instagram refused the token: later runs skip the account until it is reconnected. */
  markTokenInvalid(userNo: number): Promise<void>;
  markSynced(userNo: number, at: Date): Promise<void>;
}
