import { launchChromium } from '../e2e/browser';

// A newcomer without Chromium gets a quick failure that says what to install, not a hanging run.
describe('the browser tests without Chromium', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('refuses at once and names the package to install', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    await expect(launchChromium()).rejects.toThrow(/\/nonexistent\/chromium.*apt-get install -y chromium/s);
  });
});
