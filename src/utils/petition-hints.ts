import type { ErrorCode } from '../shared/contract/errors';
import { afterFailure, type AfterFailure } from './action-hints';

const moved = '诉求已有变化，页面已刷新为最新状态。';

/** What to do after a petition step failed; other codes fall back to the app-wide table. */
const table: Partial<Record<ErrorCode, AfterFailure>> = {
  PETITION_ILLEGAL_MOVE: { hint: moved, refresh: true },
  PETITION_NOT_HOLDER: { hint: `${moved}请按它现在所在的一级办理。`, refresh: true },
  PETITION_BUSY: { hint: moved, refresh: true },
  PETITION_NOT_FOUND: { hint: '它可能已被删除，返回列表看看吧。', refresh: false },
  PETITION_TOP_LEVEL: { hint: '请在区级办结，或说明原因后不予受理。', refresh: true },
  PETITION_PHOTOS_REQUIRED: { hint: '请分别上传处理前、处理后的照片再提交。', refresh: false },
  PETITION_RATING_CLOSED: { hint: '评价期已过，诉求已自动办结。', refresh: true },
  PETITION_ALREADY_COSIGNED: { hint: '有新进展时会通知你。', refresh: true },
  PETITION_URGED_TODAY: { hint: '办理人已收到你今天的催办，有进展会通知你。', refresh: true },
  PETITION_URGE_NOT_REPORTER: { hint: '你可以点「我也遇到」关注它的进展。', refresh: false },
  PETITION_OWN_COSIGN: { hint: '你提交的诉求会自动通知你进展。', refresh: false },
  PETITION_PLACE_INVALID: { hint: '请重新选择楼栋，或改为在地图上选点。', refresh: false },
  PETITION_COUNCIL_NOT_ELIGIBLE: { hint: '请直接办理，或吹哨上报。', refresh: false },
  PETITION_EXTENSION_PENDING: { hint: '等上一级审批后，如仍需要可以再申请。', refresh: true },
  PETITION_EXTENSION_DATE: { hint: '请在可选的日期范围内另选一天。', refresh: false },
  PETITION_EXTENSION_LAPSED: { hint: `${moved}申请失效，如仍需要由现在的办理人重新申请。`, refresh: true },
  PETITION_EXTENSION_DECIDED: { hint: `${moved}这份申请已有审批结果。`, refresh: true },
  PETITION_EXTENSION_NONE: { hint: moved, refresh: true },
  FORBIDDEN_SCOPE: { hint: '这条诉求不归你所在的网格或单位办理。', refresh: false },
};

export function afterPetitionFailure(code: string): AfterFailure {
  return table[code as ErrorCode] ?? afterFailure(code);
}
