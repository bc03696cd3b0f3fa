/** Renders Plot options into a div; the options come from the pure builders in ../charts. */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';

/** Narrowest width (px) a chart is drawn at; narrower containers scroll rather than squeeze the labels. */
const MIN_WIDTH = 360;

/** A chart with a stable test id (`chart-<name>`), drawn at its container's width. */
export function PlotFigure({ options, testId }: { options: Plot.PlotOptions; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.floor(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth((old) => (old !== null && Math.abs(old - w) < 8 ? old : w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (width === null) return;
    const chart = Plot.plot({ ...options, width: Math.max(MIN_WIDTH, width) });
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [options, width]);

  return <div className="chart" data-testid={testId} ref={ref} />;
}
