/**
 * @jest-environment jsdom
 */
// The weapp build renders wish status chips with a native custom component; this loads the BUILT
// component from dist/weapp (run `npm run build:weapp` first) with miniprogram-simulate.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import simulate from 'miniprogram-simulate';

const weapp = join(__dirname, '..', '..', 'dist', 'weapp');
const componentPath = join(weapp, 'components', 'wish-status', 'native', 'index');

// A component's chunk registers itself once per process, so it is loaded once and rendered many times.
let componentId = '';

beforeAll(() => {
  if (!existsSync(join(weapp, 'app.json'))) throw new Error('dist/weapp is missing: run `npm run build:weapp` before this test');
  // Taro emits webpack chunks: the runtime and the shared chunk must be loaded before a component's own chunk.
  require(join(weapp, 'runtime.js'));
  require(join(weapp, 'common.js'));
  componentId = simulate.load(componentPath, 'wish-status', { rootPath: weapp });
});

function renderChip(status: string, label: string, care?: boolean) {
  const comp = simulate.render(componentId, { status, label, ...(care === undefined ? {} : { care }) });
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

function chipOf(comp: ReturnType<typeof simulate.render>) {
  const chip = comp.querySelector('.chip');
  if (!chip) throw new Error('no .chip element rendered');
  return chip.dom as HTMLElement;
}

describe('native wish-status chip (dist/weapp)', () => {
  test('a submitted wish shows its label in the waiting (orange) tone', () => {
    const chip = chipOf(renderChip('submitted', '待审核'));
    expect(chip.textContent).toBe('待审核');
    expect(chip.className).toContain('chip--waiting');
    expect(chip.getAttribute('style')).toContain('color:#c87d0a');
  });

  test('changing the status re-colours the chip', async () => {
    const comp = renderChip('submitted', '待审核');
    comp.setData({ status: 'approved', label: '待认领' });
    await simulate.sleep(0);
    const chip = chipOf(comp);
    expect(chip.textContent).toBe('待认领');
    expect(chip.className).toContain('chip--open');
    expect(chip.getAttribute('style')).toContain('color:#07c160');
  });

  test('a rejected wish is red, an unknown status falls back to waiting', () => {
    expect(chipOf(renderChip('rejected', '未通过')).className).toContain('chip--stopped');
    expect(chipOf(renderChip('some-future-status', '处理中')).className).toContain('chip--waiting');
  });

  test('in 关怀模式 the chip is larger and its text darker, and switching it back restores the normal chip', async () => {
    const comp = renderChip('approved', '待认领', true);
    await simulate.sleep(0);
    expect(chipOf(comp).className).toContain('chip--care');
    expect(chipOf(comp).getAttribute('style')).toContain('color:#067d3f');
    comp.setData({ care: false });
    await simulate.sleep(0);
    expect(chipOf(comp).className).not.toContain('chip--care');
    expect(chipOf(comp).getAttribute('style')).toContain('color:#07c160');
  });

  test('the app registers it and the page templates render it with status and label', () => {
    const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as { usingComponents?: Record<string, string> };
    expect(app.usingComponents?.['wish-status']).toBe('./components/wish-status/native/index');
    expect(readFileSync(join(weapp, 'base.wxml'), 'utf8')).toMatch(
      /<wish-status\s[^>]*status="\{\{i\.status\}\}"[^>]*label="\{\{i\.label\}\}"[^>]*care="\{\{i\.care\}\}"/,
    );
  });
});
