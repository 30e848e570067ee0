import { Canvas as F2Canvas, jsx } from '@antv/f2';
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

/** What an F2 element is (F2 5 has its own JSX runtime: charts are built with its `jsx`, never React's). */
export type F2Node = ReturnType<typeof jsx>;

/** The drawing surface F2 is given: a 2d context and the canvas' size in CSS pixels. */
interface Surface {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
  /**
   * On weapp, what a browser has globally: frames and images come from the canvas node, and text is measured on
   * an offscreen canvas (without it F2's renderer would reach for `document.createElement('canvas')`, which the
   * mini-program does not have).
   */
  requestAnimationFrame?: (run: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
  createImage?: () => unknown;
  offscreenCanvas?: unknown;
}

/** The parts of WeChat's canvas 2d node F2 needs. */
interface WeappCanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D;
  requestAnimationFrame(run: () => void): number;
  cancelAnimationFrame(id: number): void;
  createImage(): unknown;
}

const isH5 = process.env.TARO_ENV === 'h5';

/** The weapp `<Canvas type="2d">` node, once laid out (retried a few frames: the query can run before the layout). */
function weappSurface(id: string, height: number): Promise<Surface | null> {
  return new Promise((resolve) => {
    let tries = 0;
    const ask = () =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: WeappCanvasNode; width?: number } | null>) => {
          const found = res?.[0];
          if (!found?.node || !found.width) {
            if (++tries < 10) setTimeout(ask, 50);
            else resolve(null);
            return;
          }
          const pixelRatio = Taro.getWindowInfo?.().pixelRatio ?? Taro.getSystemInfoSync().pixelRatio;
          const node = found.node;
          node.width = found.width * pixelRatio;
          node.height = height * pixelRatio;
          resolve({
            context: node.getContext('2d'),
            width: found.width,
            height,
            pixelRatio,
            requestAnimationFrame: (run) => node.requestAnimationFrame(run),
            cancelAnimationFrame: (id) => node.cancelAnimationFrame(id),
            createImage: () => node.createImage(),
            offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d', width: 10, height: 10 }),
          });
        });
    Taro.nextTick(ask);
  });
}

function h5Surface(el: HTMLCanvasElement | null, height: number): Surface | null {
  const context = el?.getContext('2d');
  if (!el || !context) return null;
  const width = el.getBoundingClientRect().width;
  if (!width) return null;
  const pixelRatio = window.devicePixelRatio || 1;
  el.width = width * pixelRatio;
  el.height = height * pixelRatio;
  return { context, width, height, pixelRatio };
}

/**
 * One chart of the 数据看板, drawn by @antv/f2 on a canvas: the weapp's `<Canvas type="2d">` (its node found with
 * createSelectorQuery, sized by the device pixel ratio) or an HTML canvas in H5. `chart` builds the F2 tree for
 * the width the canvas got; it is drawn again whenever `version` (what the data is) changes.
 */
export function F2Chart({
  id,
  height,
  label,
  version,
  chart,
}: {
  id: string;
  height: number;
  /** What the chart shows, for screen readers and tests. */
  label: string;
  version: string;
  chart: (size: { width: number; height: number }) => F2Node;
}) {
  const h5Ref = useRef<HTMLCanvasElement | null>(null);
  const drawn = useRef<F2Canvas | null>(null);
  const chartRef = useRef(chart);
  chartRef.current = chart;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let gone = false;
    void (async () => {
      const surface = isH5 ? h5Surface(h5Ref.current, height) : await weappSurface(id, height);
      if (gone) return;
      if (!surface) {
        setFailed(true);
        return;
      }
      drawn.current?.destroy();
      // Room on the right for the last label of a horizontal axis (F2's theme leaves 15).
      const canvas = new F2Canvas({
        ...(surface as Omit<Surface, 'createImage' | 'offscreenCanvas'>),
        ...(surface.createImage ? { createImage: surface.createImage as () => HTMLImageElement } : {}),
        ...(surface.offscreenCanvas
          ? { offscreenCanvas: surface.offscreenCanvas as ConstructorParameters<typeof F2Canvas>[0]['offscreenCanvas'] }
          : {}),
        animate: false,
        padding: [15, 24, 15, 15],
        children: chartRef.current(surface),
      });
      drawn.current = canvas;
      await canvas.render();
      setFailed(false);
    })().catch(() => !gone && setFailed(true));
    return () => {
      gone = true;
    };
  }, [id, height, version]);

  useEffect(
    () => () => {
      drawn.current?.destroy();
      drawn.current = null;
    },
    [],
  );

  return (
    <View className="f2-chart" aria-label={label}>
      {isH5 ? (
        <canvas ref={h5Ref} id={id} className="f2-chart__canvas" style={{ width: '100%', height: `${height}px`, display: 'block' }} />
      ) : (
        <Canvas type="2d" id={id} className="f2-chart__canvas" style={{ width: '100%', height: `${height}px` }} />
      )}
      {failed && <View className="f2-chart__failed">图表没能画出来，下方的数字不受影响。</View>}
    </View>
  );
}

/**
 * An F2 element: F2's own `jsx` called directly (a chart is never React JSX). F2's component classes are generic
 * over their data, which its `ElementType` cannot name: the props are checked by F2 at run time.
 */
export function f2(type: unknown, props: Record<string, unknown>, ...children: F2Node[]): F2Node {
  return jsx(type as Parameters<typeof jsx>[0], props, ...children);
}
