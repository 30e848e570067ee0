import { z } from 'zod';
import { actions } from '../../src/shared/contract';

/** An English word as zod writes them ("Invalid", "expected", "string"); Chinese messages have none. */
const englishWord = /[A-Za-z]{3,}/;

function messagesOf(result: { success: boolean; error?: z.ZodError }): string[] {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => i.message);
}

describe('zod speaks Chinese wherever the contract is loaded', () => {
  it('a wrong type names the field and the expected kind in Chinese', () => {
    const messages = messagesOf(actions['wish.create'].input.safeParse({ title: {}, description: 42 }));
    expect(messages).toEqual(['标题应为文字', '描述应为文字', '缺少类别']);
  });

  it('bounds, choices, formats and extra keys are Chinese too', () => {
    const schema = z
      .object({
        title: z.string().min(2).max(4),
        qty: z.number().int().min(1),
        photos: z.array(z.string()).max(1),
        urgency: z.enum(['low', 'high']),
        phone: z.string().regex(/^1\d{10}$/),
      })
      .strict();
    const messages = messagesOf(schema.safeParse({ title: 'x', qty: 0, photos: ['a', 'b'], urgency: 'soon', phone: 'abc', extra: true }));
    expect(messages).toEqual([
      '标题至少 2 个字',
      '数量不能小于 1',
      '照片最多 1 项',
      '紧急程度不在可选范围内',
      '电话格式不对',
      '提交的内容里有多余的项',
    ]);
  });

  it('no zod message a person can meet carries an English word', () => {
    const malformed = [{ title: {}, description: [], categoryId: null, extra: 1 }, 'not an object', null, []];
    for (const payload of malformed) {
      for (const message of messagesOf(actions['wish.create'].input.safeParse(payload))) expect(message).not.toMatch(englishWord);
    }
  });

  it('messages the contract words itself are left as they are', () => {
    expect(messagesOf(actions['wish.create'].input.safeParse({ title: ' ', description: '厨房灯泡坏了，够不着', categoryId: 'repair' }))).toEqual([
      '标题至少 2 个字',
    ]);
  });
});
