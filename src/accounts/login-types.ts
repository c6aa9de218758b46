import type { IgLoginType } from '../db/repositories/ig-account.repository.js';

export type { IgLoginType } from '../db/repositories/ig-account.repository.js';

/** The two login flavours of the Instagram API (reference §1), as stored in `login_type`. */
export const IG_LOGIN_TYPES = ['FACEBOOK', 'INSTAGRAM'] as const satisfies readonly IgLoginType[];
