/** Renders Plot options into a div; the options come from the pure builders in ../charts. */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';
import type { ChartFigure } from '../charts/chartTypes.ts';

/** Narrowest width (px) a chart is drawn at; narrower containers scroll rather than squeeze the labels. */
const MIN_WIDTH = 360;
/** Gap between panels (px), as in styles.css. */
const PANEL_GAP = 12;

function isFigure(options: Plot.PlotOptions | ChartFigure): options is ChartFigure {
  return Array.isArray((options as ChartFigure).panels);
}

/** Width of each panel of a figure drawn `width` px wide. */
function panelWidth(figure: ChartFigure, width: number): number {
  const perRow = figure.layout === 'row' ? figure.panels.length : figure.layout === 'grid2' ? 2 : 1;
  const w = Math.floor((width - PANEL_GAP * (perRow - 1)) / perRow);
  return w >= MIN_WIDTH || perRow === 1 ? Math.max(MIN_WIDTH, w) : Math.max(MIN_WIDTH, width);
}

/** A chart with a stable test id (`chart-<name>`), drawn at its container's width. */
export function PlotFigure({ options, testId }: { options: Plot.PlotOptions | ChartFigure; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const panelsRef = useRef<HTMLDivElement>(null);
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
    const target = isFigure(options) ? panelsRef.current : ref.current;
    if (!target) return;
    let charts: Element[];
    try {
      charts = isFigure(options)
        ? options.panels.map((panel) => Plot.plot({ ...panel, width: panelWidth(options, width) }))
        : [Plot.plot({ ...options, width: Math.max(MIN_WIDTH, width) })];
    } catch (error) {
      // A chart that cannot be drawn says so in its own box; the rest of the page stays.
      const message = document.createElement('p');
      message.className = 'error';
      message.setAttribute('role', 'alert');
      message.textContent = `⚠ ${error instanceof Error ? error.message : String(error)}`;
      charts = [message];
    }
    target.replaceChildren(...charts);
    return () => charts.forEach((c) => c.remove());
  }, [options, width]);

  if (!isFigure(options)) return <div className="chart" data-testid={testId} ref={ref} />;
  return (
    <figure className="chart figure" data-testid={testId} data-panels={options.panels.length}>
      <h2>{options.title}</h2>
      <div className={`panels ${options.layout}`} ref={panelsRef} />
      <figcaption>{options.caption}</figcaption>
      <div className="measure" ref={ref} aria-hidden="true" />
    </figure>
  );
}
