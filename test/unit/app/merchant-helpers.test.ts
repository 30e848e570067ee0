import qrcode from 'qrcode-generator';
import { clockText, codeTimes, secondsLeft } from '../../../src/utils/countdown';
import { chargeHint, chargeOutcome, levelText, type ChargeView } from '../../../src/utils/merchant';
import { qrMatrix, qrRuns } from '../../../src/utils/qr-matrix';

const token = 'LL1.abcdefghijklmnopqrstuv.mi0k2x8w.Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhxdXU';

describe('the points code drawn as views', () => {
  it('builds the same module matrix qrcode-generator does, square and of a legal QR size', () => {
    const matrix = qrMatrix(token);
    const size = matrix.length;
    expect(size % 4).toBe(1); // 21, 25, 29, … modules: 17 + 4 × version
    expect(matrix.every((row) => row.length === size)).toBe(true);
    const qr = qrcode(0, 'M');
    qr.addData(token);
    qr.make();
    expect(matrix[size - 1][0]).toBe(qr.isDark(size - 1, 0));
    expect(matrix.flat().filter(Boolean).length).toBe(
      Array.from({ length: size * size }, (_, i) => qr.isDark(Math.floor(i / size), i % size)).filter(Boolean).length,
    );
  });

  it('starts with the finder pattern: seven dark, one light, in the first row', () => {
    const first = qrRuns(qrMatrix(token))[0];
    expect(first[0]).toEqual({ dark: true, length: 7 });
    expect(first[1]).toMatchObject({ dark: false });
    expect(first[first.length - 1]).toEqual({ dark: true, length: 7 });
  });

  it('turns each row into alternating runs that add up to the row', () => {
    expect(
      qrRuns([
        [true, true, false, true],
        [false, false, false, false],
      ]),
    ).toEqual([
      [
        { dark: true, length: 2 },
        { dark: false, length: 1 },
        { dark: true, length: 1 },
      ],
      [{ dark: false, length: 4 }],
    ]);
    const matrix = qrMatrix(token);
    for (const runs of qrRuns(matrix)) {
      expect(runs.reduce((n, r) => n + r.length, 0)).toBe(matrix.length);
      runs.slice(1).forEach((r, i) => expect(r.dark).not.toBe(runs[i].dark));
    }
  });

  it('changes when the token changes', () => {
    expect(qrMatrix(token)).not.toEqual(qrMatrix(`${token.slice(0, -1)}V`));
  });
});

describe('countdowns', () => {
  it('counts whole seconds up, and stops at zero', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 99_000)).toBe(0);
  });

  it('reads as minutes and seconds', () => {
    expect(clockText(245)).toBe('4:05');
    expect(clockText(9)).toBe('0:09');
    expect(clockText(-3)).toBe('0:00');
  });

  it('asks for the next code before this one expires, never before it was asked for', () => {
    expect(codeTimes(1_000, 60, 10_000)).toEqual({ deadline: 61_000, refreshAt: 51_000 });
    expect(codeTimes(1_000, 5, 10_000)).toEqual({ deadline: 6_000, refreshAt: 1_000 });
  });
});

describe('what the merchant is told', () => {
  const scan = { balance: 120, perCharge: 50, dailyLeft: 100 };
  it('blocks an amount the resident cannot pay or the day cannot take, and warns of a confirmation', () => {
    expect(chargeHint(0, scan)).toBeNull();
    expect(chargeHint(50, scan)).toBeNull();
    expect(chargeHint(51, scan)).toEqual({ text: '超过单笔 50 分，需居民在小程序里确认后才扣分', blocks: false });
    expect(chargeHint(101, scan)).toEqual({ text: '超出今日可核销额度（还可 100 分）', blocks: true });
    expect(chargeHint(121, scan)).toEqual({ text: '超出居民可用积分（120 分）', blocks: true });
  });

  const charge = (status: ChargeView['status'], note = '酱油一瓶'): ChargeView => ({
    id: 'ch-1',
    residentName: '王**',
    points: 10,
    note,
    mode: status === 'awaiting' ? 'hold' : 'direct',
    status,
    createdAt: '2026-11-30T02:00:00.000Z',
    holdUntil: null,
    refundable: status === 'posted',
  });

  it('says a charge is done, or waits for the resident', () => {
    expect(chargeOutcome(charge('posted'))).toEqual({ title: '核销成功', text: '王** · 10 分 · 酱油一瓶', waiting: false });
    expect(chargeOutcome(charge('posted', ''))).toMatchObject({ text: '王** · 10 分' });
    expect(chargeOutcome(charge('awaiting'))).toMatchObject({ title: '等待居民确认', waiting: true });
    expect(levelText({ stars: 2, name: '二星' })).toBe('★★☆☆☆ 二星');
  });
});
