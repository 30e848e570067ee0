import { warmCached, warmCachedEach } from '../../cloudfunctions/_lib/platform/warm-cache';

describe('what a warm function instance keeps', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-03-02T01:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('reads once within the time to live, again after it', async () => {
    const load = jest.fn(async () => ({ bonus: 2 }));
    await warmCached('rule:a', 60_000, load);
    await warmCached('rule:a', 60_000, load);
    expect(load).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(60_001);
    await warmCached('rule:a', 60_000, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps no failure: the next call asks again', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('network')).mockResolvedValueOnce(7);
    await expect(warmCached('rule:b', 60_000, load)).rejects.toThrow('network');
    await expect(warmCached('rule:b', 60_000, load)).resolves.toBe(7);
  });

  it('keeps values by id: only the ids not kept yet are read, together', async () => {
    const load = jest.fn(async (ids: string[]) => new Map(ids.filter((id) => id !== 'gone').map((id) => [id, `name of ${id}`])));
    expect(await warmCachedEach('name', ['a', 'b'], 60_000, load)).toEqual(
      new Map([
        ['a', 'name of a'],
        ['b', 'name of b'],
      ]),
    );
    expect(await warmCachedEach('name', ['b', 'c', 'gone'], 60_000, load)).toEqual(
      new Map([
        ['b', 'name of b'],
        ['c', 'name of c'],
      ]),
    );
    expect(load.mock.calls).toEqual([[['a', 'b']], [['c', 'gone']]]);
    jest.advanceTimersByTime(60_001);
    await warmCachedEach('name', ['a'], 60_000, load);
    expect(load).toHaveBeenLastCalledWith(['a']);
  });
});
