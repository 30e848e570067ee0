import { pointsIssueCode } from '../../src/shared/contract';
import { CODE_TTL_MS } from '../../src/shared/domain/points-code';
import { defineHandler } from '../_lib/platform/handler';
import { issueCode } from '../_lib/ledger/points-code';

// 积分码: a fresh sealed code for the resident to show; the app asks for the next one before this one expires.
export const issuePointsCode = defineHandler(pointsIssueCode, async (_input, { user }) => {
  const { token, expiresAt } = issueCode(user, new Date());
  return { token, expiresAt: expiresAt.toISOString(), ttlSeconds: CODE_TTL_MS / 1000 };
});
