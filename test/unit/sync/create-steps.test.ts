import { describe, expect, it } from '@jest/globals';
import { Sequelize } from 'sequelize';
import { defineModels } from '../../../src/db/models/define-models.js';
import { createRepositories } from '../../../src/db/repositories/create-repositories.js';
import { STEP_NAMES } from '../../../src/runs/run.vocabulary.js';
import { GraphApiClient } from '../../../src/instagram/index.js';
import { createSteps, mediaInsightMetrics } from '../../../src/sync/steps/index.js';

describe('the sync steps', () => {
  it('come in the one run order, each under its own name', async () => {
    const sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
    const graph = new GraphApiClient({
      graphApi: { url: 'http://127.0.0.1:9', version: 'v25.0', timeoutMs: 1000, maxRetries: 0 },
    });
    const steps = createSteps({
      graph,
      repos: createRepositories(defineModels(sequelize)),
    });
    expect([...steps.keys()]).toEqual([...STEP_NAMES]);
    expect([...steps.values()].map((s) => s.name)).toEqual([...STEP_NAMES]);
    graph.close();
    await sequelize.close();
  });

  it('ask Reels, feed photos and albums, and feed videos for the insight metrics each supports', () => {
    const reel = mediaInsightMetrics({ id: '1', mediaType: 'VIDEO', mediaProductType: 'REELS' });
    const album = mediaInsightMetrics({
      id: '2',
      mediaType: 'CAROUSEL_ALBUM',
      mediaProductType: 'FEED',
    });
    const video = mediaInsightMetrics({ id: '3', mediaType: 'VIDEO', mediaProductType: 'FEED' });
    expect(reel).toContain('ig_reels_avg_watch_time');
    expect(album).toEqual(expect.arrayContaining(['reach', 'follows', 'profile_visits']));
    expect(album).not.toContain('ig_reels_avg_watch_time');
    expect(video).not.toContain('follows');
    for (const set of [reel, album, video])
      expect(set).toEqual(expect.arrayContaining(['reach', 'views', 'likes']));
  });
});
