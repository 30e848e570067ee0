import { cloud } from '../_lib/platform/runtime';
import { counting } from '../_lib/platform/db-count';
import { log } from '../_lib/platform/log-line';
import { fail, ok } from '../_lib/platform/reply';
import { pendingSteps, runPending } from './run';

// 数据迁移: reshapes documents written by an older release (steps/), a bounded page of work per call. Invoked by
// `npm run deploy` after it uploads functions (and by the emulator at start), never by the mini-program: it has
// no actions of the contract, and a call with a caller (OPENID) is refused.
/** No contract actions (test/unit/registry.test.ts). */
export const handlers = [];

export async function main(event: unknown): Promise<unknown> {
  const started = Date.now();
  const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
  const { value, requests } = await counting(async () => {
    if (cloud.getWXContext().OPENID) return fail('FORBIDDEN_ROLE', '数据迁移只能由部署脚本或云开发控制台运行');
    if (action !== 'migrate.run' && action !== 'migrate.status') return fail('UNKNOWN_ACTION');
    try {
      return ok(action === 'migrate.status' ? { pending: await pendingSteps() } : await runPending());
    } catch (error) {
      console.error('[migrate]', error);
      return fail('INTERNAL', `迁移失败：${String(error).slice(0, 200)}`);
    }
  });
  const outcome = value.ok ? 'OK' : value.code;
  log({ fn: 'migrate', action, outcome, ms: Date.now() - started, db: requests, ...(value.ok ? { summary: value.data } : {}) });
  return value;
}
