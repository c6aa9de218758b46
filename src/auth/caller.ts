/**
 * Who is asking. With authentication on, a verified JWT says it (`sub` = userNo, `role`);
 * without it the service is local-only and every caller is the operator (`admin`).
 */
export type Caller =
  | { readonly role: 'admin'; readonly userNo: number | null }
  | { readonly role: 'user'; readonly userNo: number };

/** The caller when authentication is off (AUTH_JWT_SECRET unset: loopback only). */
export const LOCAL_OPERATOR: Caller = Object.freeze({ role: 'admin', userNo: null });

export const isAdmin = (caller: Caller): boolean => caller.role === 'admin';
