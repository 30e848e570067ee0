import { noteServerTime, serverNow } from '../../../src/services/server-clock';
import { formatDateTime } from '../../../src/utils/date-time';
import { timeAgo } from '../../../src/utils/time-ago';

const DAY = 86_400_000;

// A phone whose clock is three days behind still says 刚刚 for what the server just did.
describe('times count on the server clock the replies report', () => {
  afterEach(() => noteServerTime(new Date().toISOString(), Date.now(), Date.now()));

  it('keeps the offset between the phone and the server, measured at the middle of the round trip', () => {
    const phone = Date.now();
    noteServerTime(new Date(phone + 3 * DAY).toISOString(), phone - 100, phone + 100);
    expect(Math.abs(serverNow() - (Date.now() + 3 * DAY))).toBeLessThan(1_000);
  });

  it('relative times and dates default to the server clock', () => {
    const phone = Date.now();
    const server = phone + 3 * DAY;
    noteServerTime(new Date(server).toISOString(), phone, phone);
    const justNow = new Date(server - 30_000).toISOString();
    expect(timeAgo(justNow)).toBe('刚刚');
    expect(formatDateTime(justNow)).toMatch(/^今天 /);
  });

  it('ignores a reply without a time', () => {
    const before = serverNow();
    noteServerTime(undefined, Date.now(), Date.now());
    expect(Math.abs(serverNow() - before)).toBeLessThan(1_000);
  });
});
