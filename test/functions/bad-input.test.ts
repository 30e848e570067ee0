import { useEmulator } from './call';
import { wang } from './personas';

const env = useEmulator();

/** An English word as zod writes them ("Invalid input: expected string"); a Chinese message has none. */
const englishWord = /[A-Za-z]{3,}/;

function expectChinese(reply: any) {
  expect(reply).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  expect(reply.message).not.toMatch(englishWord);
  for (const issue of reply.issues ?? []) expect(issue.message).not.toMatch(englishWord);
}

describe('a malformed call is answered in Chinese', () => {
  it('names the field and what it should be, with no English from zod', async () => {
    const reply = await env.call(wang, 'wish.create', { title: {}, description: 42, categoryId: 'repair' });
    expectChinese(reply);
    expect(reply.message).toBe('填写的内容有误，请检查后重试：标题应为文字');
    expect(reply.issues).toEqual([
      { path: 'title', message: '标题应为文字' },
      { path: 'description', message: '描述应为文字' },
    ]);
  });

  it('a payload of the wrong shape, extra fields or a broken event are Chinese too', async () => {
    expectChinese(await env.call(wang, 'wish.create', 'not an object'));
    expectChinese(await env.call(wang, 'wish.create', { title: '帮忙换灯泡', description: '厨房灯泡坏了够不着', categoryId: 'repair', extra: 1 }));
    expectChinese(await env.call(wang, 'wish.listMine', { limit: 'all' }));
    expectChinese(await env.emu.invoke('wish', { action: 42 }, wang));
  });
});
