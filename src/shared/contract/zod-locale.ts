import { z } from 'zod';
// The named locale, not `z.locales`: bundlers then carry zh-CN alone instead of every language zod ships.
import { zhCN } from 'zod/locales';

/** What people call the fields they fill in; a message names the field so a toast alone says what to fix. */
const fieldLabels: Record<string, string> = {
  title: '标题',
  description: '描述',
  category: '类别',
  categoryId: '类别',
  reason: '原因',
  note: '备注',
  text: '内容',
  comment: '评价',
  feedback: '意见',
  resolution: '处理结果',
  rating: '评分',
  stars: '星级',
  amount: '数量',
  qty: '数量',
  points: '积分',
  maxPoints: '积分上限',
  perCharge: '每次抵扣',
  price: '价格',
  stock: '库存',
  expiryDays: '有效天数',
  name: '名称',
  shopName: '店名',
  contact: '联系人',
  phone: '电话',
  address: '地址',
  licence: '营业执照',
  photos: '照片',
  beforePhotos: '照片',
  afterPhotos: '照片',
  evidence: '证据',
  urgency: '紧急程度',
  preferredTime: '期望时间',
  month: '月份',
};

const typeNames: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
  file: '文件',
};

function labelOf(path: readonly PropertyKey[] = []): string {
  const key = [...path].reverse().find((k): k is string => typeof k === 'string');
  return (key && fieldLabels[key]) ?? '此项';
}

function bound(origin: string, n: number | bigint, inclusive: boolean | undefined, side: '至少' | '最多'): string {
  if (origin === 'string') return `${side} ${n} 个字`;
  if (origin === 'array' || origin === 'set') return `${side} ${n} 项`;
  if (origin === 'file') return `${side} ${n} 字节`;
  if (side === '至少') return inclusive ? `不能小于 ${n}` : `应大于 ${n}`;
  return inclusive ? `不能大于 ${n}` : `应小于 ${n}`;
}

/**
 * zh-CN still prints zod's English type names ("期望 string，实际接收 object"), enum values and regex
 * sources; these are the cases people meet, worded for them. Anything else falls through to zh-CN.
 */
const inPlainChinese: z.core.$ZodErrorMap = (issue) => {
  const label = labelOf(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `缺少${label}` : `${label}应为${typeNames[issue.expected] ?? '正确的类型'}`;
    case 'too_small':
      return label + bound(issue.origin, issue.minimum, issue.inclusive, '至少');
    case 'too_big':
      return label + bound(issue.origin, issue.maximum, issue.inclusive, '最多');
    case 'invalid_value':
      return `${label}不在可选范围内`;
    case 'invalid_format':
      return `${label}格式不对`;
    case 'unrecognized_keys':
      return '提交的内容里有多余的项';
    case 'invalid_key':
    case 'invalid_element':
    case 'invalid_union':
      return `${label}有误`;
    default:
      return undefined;
  }
};

/** Every zod message in Chinese, on the client and in the functions alike (both load the contract). */
z.config(zhCN());
z.config({ customError: inPlainChinese });
