import type { IgLoginType } from '../db/repositories/ig-account.repository.js';

/**
 * The permissions a sync needs, per login flavour (reference §1, "Read permissions"): profile
 * and media, insights, comments (the commenter's `username` needs the manage-comments scope
 * since 27 Aug 2024) and, with Facebook Login, the Page the account is linked to.
 */
export const REQUIRED_SCOPES: Record<IgLoginType, readonly string[]> = {
  FACEBOOK: [
    'instagram_basic',
    'instagram_manage_insights',
    'instagram_manage_comments',
    'pages_show_list',
    'pages_read_engagement',
  ],
  INSTAGRAM: [
    'instagram_business_basic',
    'instagram_business_manage_insights',
    'instagram_business_manage_comments',
  ],
};

/** The required scopes of `loginType` that `granted` lacks, in the order listed above. */
export function missingScopes(loginType: IgLoginType, granted: readonly string[]): string[] {
  const have = new Set(granted);
  return REQUIRED_SCOPES[loginType].filter((scope) => !have.has(scope));
}
