import type { Part } from './model';

/** A setting the deploy needs, where a contractor finds it, and which parts of the deploy need it. */
export interface SettingSpec {
  key: string;
  what: string;
  where: string;
  parts: readonly Part[];
}

/** The subscribe-message template ids the functions send with (cloudfunctions/_lib/platform/templates.ts). */
export const templateKeys = [
  'LINLI_TMPL_WISH_SUBMITTED',
  'LINLI_TMPL_WISH_PROGRESS',
  'LINLI_TMPL_WISH_DISPATCHED',
  'LINLI_TMPL_WISH_UNCLAIMED',
  'LINLI_TMPL_PETITION_ASSIGNED',
  'LINLI_TMPL_PETITION_PROGRESS',
  'LINLI_TMPL_POINTS_HOLD',
  'LINLI_TMPL_JOIN_SUBMITTED',
  'LINLI_TMPL_REPORT_SUBMITTED',
] as const;

const mp = '微信公众平台 mp.weixin.qq.com';
const capi = '腾讯云控制台 console.cloud.tencent.com/cam/capi (用云开发环境所属的腾讯云账号登录; 子账号需有云开发权限)';

export const settingSpecs: readonly SettingSpec[] = [
  { key: 'LINLI_APPID', what: '小程序 AppID', where: `${mp} → 开发管理 → 开发设置 → AppID`, parts: ['functions', 'app'] },
  {
    key: 'LINLI_UPLOAD_KEY',
    what: '代码上传密钥的文件路径 (private.<appid>.key)',
    where: `${mp} → 开发管理 → 开发设置 → 小程序代码上传 → 生成; 并把本机 IP 加入白名单或关闭白名单`,
    parts: ['functions', 'app'],
  },
  {
    key: 'TARO_APP_CLOUD_ENV',
    what: '云开发环境 ID',
    where: '微信开发者工具 → 云开发控制台 → 设置 → 环境 ID',
    parts: ['indexes', 'functions', 'app'],
  },
  {
    key: 'TENCENTCLOUD_SECRETID',
    what: '腾讯云 API 密钥 SecretId (建集合、索引、权限、函数配置)',
    where: capi,
    parts: ['indexes', 'functions'],
  },
  { key: 'TENCENTCLOUD_SECRETKEY', what: '腾讯云 API 密钥 SecretKey (与 SecretId 成对生成)', where: capi, parts: ['indexes', 'functions'] },
  {
    key: 'LINLI_CODE_SECRET',
    what: '积分码封签密钥 (至少 32 个字符, 随机)',
    where: '自己生成, 例如 `openssl rand -base64 32`; 更换方法见 README「运维」',
    parts: ['functions'],
  },
  ...templateKeys.map((key) => ({
    key,
    what: `订阅消息模板 ID (${key.slice('LINLI_TMPL_'.length).toLowerCase()})`,
    where: `${mp} → 功能 → 订阅消息 → 我的模板 (README「部署」第 7 步说明每个模板的用途)`,
    parts: ['functions'] as const,
  })),
];

/** Set on the functions as they are, when given (optional). */
export const optionalFunctionKeys = ['LINLI_CODE_SECRET_PREVIOUS'] as const;

export interface Settings {
  values: Record<string, string>;
  missing: SettingSpec[];
}

/** Reads the settings the chosen parts need from the environment (.env.production already merged in by the caller). */
export function readSettings(env: Record<string, string | undefined>, only: readonly Part[]): Settings {
  const needed = settingSpecs.filter((s) => s.parts.some((p) => only.includes(p)));
  const values: Record<string, string> = {};
  const missing: SettingSpec[] = [];
  for (const spec of needed) {
    const value = env[spec.key]?.trim();
    if (value) values[spec.key] = value;
    else missing.push(spec);
  }
  if (values.LINLI_CODE_SECRET && values.LINLI_CODE_SECRET.length < 32) {
    missing.push({ ...settingSpecs.find((s) => s.key === 'LINLI_CODE_SECRET')!, what: 'LINLI_CODE_SECRET 太短 (至少 32 个字符)' });
  }
  for (const key of optionalFunctionKeys) if (env[key]?.trim() && only.includes('functions')) values[key] = env[key]!.trim();
  return { values, missing };
}

/** What to tell the contractor when settings are missing: each one, what it is and where to get it. */
export function missingReport(missing: readonly SettingSpec[]): string {
  return [
    `缺少 ${missing.length} 项部署设置 (写在 .env.production 或环境变量里):`,
    ...missing.map((s) => `  ${s.key}: ${s.what}\n      从哪里来: ${s.where}`),
  ].join('\n');
}

/** The variables every function gets: the sealing key and the template ids (and the previous key while rotating). */
export function functionEnv(values: Record<string, string>): Record<string, string> {
  const keys = ['LINLI_CODE_SECRET', ...templateKeys, ...optionalFunctionKeys];
  return Object.fromEntries(keys.filter((k) => values[k]).map((k) => [k, values[k]]));
}
