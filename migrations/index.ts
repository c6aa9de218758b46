import type { Migration } from './migration.js';
import { createIgAccounts } from './202611270100-create-ig-accounts.js';
import { createIgInsights } from './202611270100-create-ig-insights.js';
import { createIgMedia } from './202611270100-create-ig-media.js';
import { createIgProfiles } from './202611270100-create-ig-profiles.js';
import { createAgendaJobs } from './202611270200-create-agenda-jobs.js';
import { createSyncRuns } from './202611270300-create-sync-runs.js';
import { addIgAccountTokenLifecycle } from './202612020100-add-ig-account-token-lifecycle.js';
import { addStepAccountHeartbeat } from './202612020200-add-step-account-heartbeat.js';
import { addStepAccountHandoff } from './202612030100-add-step-account-handoff.js';
import { addMediaInsightsFetchedAt } from './202612030200-add-media-insights-fetched-at.js';
import { partialCommentParentIndex } from './202612070100-partial-comment-parent-index.js';

/**
 * Every migration. Names are `YYYYMMDDHHMM-what` and they run in name order; a landed
 * migration is never edited: add a new one instead.
 */
export const migrations: Migration[] = [
  createIgAccounts,
  createIgProfiles,
  createIgMedia,
  createIgInsights,
  createAgendaJobs,
  createSyncRuns,
  addIgAccountTokenLifecycle,
  addStepAccountHeartbeat,
  addStepAccountHandoff,
  addMediaInsightsFetchedAt,
  partialCommentParentIndex,
].sort((a, b) => a.name.localeCompare(b.name));
