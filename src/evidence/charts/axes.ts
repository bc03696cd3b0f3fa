/** Axes and grid lines of the pack's charts. */
import { escapeHtml } from '../../format/escape.ts';
import { fixed } from '../format.ts';
import { GRID, MUTED, px } from './svg.ts';

/** The plotting area of a chart, in SVG pixels. */
export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Decimals that print every tick of a step distinctly (0 for 5, 1 for 0.5, 2 for 0.05). */
export function tickDigits(ticks: readonly number[]): number {
  const step = ticks.length > 1 ? Math.abs((ticks[1] as number) - (ticks[0] as number)) : 1;
  let digits = 0;
  while (digits < 4 && Math.abs(step * Number(`1e${digits}`) - Math.round(step * Number(`1e${digits}`))) > 1e-9) {
    digits += 1;
  }
  return digits;
}

/** A y axis: horizontal grid lines at the ticks, tick labels on the left, and a rotated axis label. */
export function yAxis(
  frame: Frame,
  ticks: readonly number[],
  y: (v: number) => number,
  label: string,
  format: (v: number) => string = (v) => fixed(v, tickDigits(ticks)),
): string {
  let svg = '';
  for (const t of ticks) {
    svg +=
      `<line x1="${px(frame.left)}" x2="${px(frame.right)}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="${GRID}"/>` +
      `<text x="${px(frame.left - 6)}" y="${px(y(t) + 4)}" text-anchor="end" fill="${MUTED}">${escapeHtml(format(t))}</text>`;
  }
  const middle = (frame.top + frame.bottom) / 2;
  svg += `<text transform="translate(14 ${px(middle)}) rotate(-90)" text-anchor="middle">${label}</text>`;
  return svg;
}

/** An x axis: the base line, tick marks and labels under the frame, and the axis label below them. */
export function xAxis(
  frame: Frame,
  ticks: readonly number[],
  x: (v: number) => number,
  label: string,
  format: (v: number) => string = (v) => fixed(v, tickDigits(ticks)),
): string {
  let svg = `<line x1="${px(frame.left)}" x2="${px(frame.right)}" y1="${px(frame.bottom)}" y2="${px(frame.bottom)}" stroke="${MUTED}"/>`;
  for (const t of ticks) {
    svg +=
      `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${px(frame.bottom)}" y2="${px(frame.bottom + 4)}" stroke="${MUTED}"/>` +
      `<text x="${px(x(t))}" y="${px(frame.bottom + 17)}" text-anchor="middle" fill="${MUTED}">${escapeHtml(format(t))}</text>`;
  }
  svg += `<text x="${px((frame.left + frame.right) / 2)}" y="${px(frame.bottom + 34)}" text-anchor="middle">${label}</text>`;
  return svg;
}
