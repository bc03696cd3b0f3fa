// report.html, read as a union negotiator reads it: the Chinese view holds no English, the description states what the
// runs did, structured parameters are tables, nothing points outside the pack, and the limits of the model are said.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePack, textOf, unzipToRecord } from './fixtures.ts';

/** A preset made small enough to run in a test: its city, rules, sources and arms, with few couriers. */
function smallPreset(id: string): Record<string, unknown> {
  const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios', `${id}.json`), 'utf8')) as Record<
    string,
    unknown
  > & { population?: Record<string, unknown>; time?: Record<string, unknown> };
  return {
    ...raw,
    population: { ...raw.population, couriers: 12 },
    ...(raw.time ? { time: { ...raw.time, days: Math.min(Number(raw.time.days ?? 1), 2) } } : {}),
    replications: 2,
  };
}

/** The text a reader of the Chinese view sees: English elements, code, commands, citations and charts removed. */
function chineseView(html: string): string {
  let h = html.replace(/<(style|title|svg|code|pre|cite|a)\b[^>]*>[\s\S]*?<\/\1>/g, ' ');
  // Elements marked English (never nested in one another), innermost first.
  for (let i = 0; i < 4; i++) h = h.replace(/<(\w+)[^>]*\slang="en"[^>]*>(?:(?!<\1[\s>])[\s\S])*?<\/\1>/g, ' ');
  return h
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .replace(/\s+/g, ' ');
}

/**
 * Latin words a Chinese reader is expected to see: the language switch, the product and its command, file names,
 * units and statistics, percentile names (p10), standards (GB …), digests and the arm ids shown as ids.
 */
const ALLOWED =
  /^(English|Fairpace|fairpace|sweep|SHA-256|JSON|km|km\/h|h|t|GB|p\d+|[\w-]+\.(json|md|svg|csv|zip|html)|docs\/model\.md|[0-9a-f]{6,})$/;

function latinWords(text: string, armIds: readonly string[]): string[] {
  const words = text.match(/[A-Za-z][\w./-]*[\w]|[A-Za-z]/g) ?? [];
  return [...new Set(words)].filter((w) => !ALLOWED.test(w) && !armIds.includes(w));
}

describe('report.html for a negotiator', () => {
  it('has a Chinese view without English, tables for hotspots, an honest description and a limits section', async () => {
    const value = smallPreset('tangshan-2022');
    const files = unzipToRecord((await makePack(value)).zip);
    const html = textOf(files, 'report.html');
    const results = JSON.parse(textOf(files, 'results.json')) as {
      arms: { id: string; metrics: { service: { ordersPlaced: number } } }[];
    };
    const zh = chineseView(html);
    expect(latinWords(zh, ['strictest', 'median'])).toEqual([]);

    // The description is generated from the scenario and the runs: 12 couriers, and the orders they were given.
    const placed = results.arms.map((a) => a.metrics.service.ordersPlaced);
    const mean = placed.reduce((a, b) => a + b, 0) / placed.length;
    expect(zh).toContain('18 × 14 公里的合成城市，4 个餐饮商圈、1,100 家餐馆');
    expect(zh).toContain('1 天，12 名骑手');
    expect(zh).toContain(`本次运行实际每天下单 ${Math.round(mean).toLocaleString('en-US')} 单`);
    expect(html).not.toMatch(/18,000|16,500 orders/);

    // Hotspots are a table with named columns, not JSON.
    expect(html).not.toMatch(/\[\{&quot;xKm|\{"xKm/);
    expect(html).toMatch(/<table class="inner"><thead><tr><th><span lang="zh-CN">东西位置（公里）/);

    // Nothing points outside the pack.
    expect(html).not.toMatch(/\.\.\/|shared\/seeds/);

    // The limits of the model, in both languages.
    expect(html).toContain('这个模型的局限');
    expect(html).toContain('Limits of this model');
  });

  it('says each promise rule as the deadline basis sets it', async () => {
    const html = textOf(unzipToRecord((await makePack(smallPreset('demo-small'))).zip), 'report.html');
    expect(html).toContain('配送时限按过往同类订单送达用时的第 10 百分位设定');
    expect(html).not.toContain('riding pace');
  });
});
