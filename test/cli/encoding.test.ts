// A scenario file or a data file saved in another encoding is named, by file (and line), not echoed as replacement
// characters and NUL bytes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { smallWaybills, T0, waybill, waybillCsv } from '../io/waybillFixtures.ts';
import { capture, TINY_SCENARIO } from './fixtures.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fairpace-encoding-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scenario files in another encoding', () => {
  it('names UTF-16 and exits 2, without echoing the bytes', async () => {
    const file = join(dir, 'utf16.json');
    const json = JSON.stringify({ ...TINY_SCENARIO, meta: { name: '烟台' } });
    await writeFile(file, Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(json, 'utf16le')]));
    const io = capture();
    expect(await main(['validate', file], { io, env: {} })).toBe(2);
    expect(io.err).toBe(`${file}: the file is UTF-16 (little-endian), not UTF-8: save it as UTF-8 and try again\n`);
    expect(io.err.includes('\u0000') || io.err.includes('\uFFFD')).toBe(false);
  });

  it('locates a line that is not UTF-8 (GBK) and exits 2', async () => {
    const file = join(dir, 'gbk.json');
    const head = Buffer.from(JSON.stringify(TINY_SCENARIO).slice(0, -1) + ',\n"meta": {"name": "');
    await writeFile(file, Buffer.concat([head, Buffer.of(0xd1, 0xcc, 0xcc, 0xa8), Buffer.from('"}}')]));
    const io = capture();
    expect(await main(['validate', file], { io, env: {} })).toBe(2);
    expect(io.err).toBe(
      `${file}:2: the file is not UTF-8 (GBK, GB18030 or another legacy encoding?): save it as UTF-8 and try again\n`,
    );
  });

  it('still reads UTF-8 with a byte-order mark', async () => {
    const file = join(dir, 'bom.json');
    await writeFile(file, '\uFEFF' + JSON.stringify({ ...TINY_SCENARIO, meta: { name: 'Bom' } }));
    const io = capture();
    expect(await main(['validate', file], { io, env: {} })).toBe(0);
    expect(io.out).toBe('valid: Bom\n');
  });
});

describe('a waybill file that is not UTF-8', () => {
  it('is refused at the line of its first byte that is not UTF-8, past the first 64 KiB', async () => {
    // About 120 KiB of UTF-8 with Chinese ids (three bytes a character, so pieces split characters), then a GBK id.
    const rows = Array.from({ length: 2000 }, (_, i) =>
      waybill({ order_id: `订单${i}`, waybill_id: `运单${i}`, platform_order_time: T0 + i }),
    );
    const utf8 = Buffer.from(waybillCsv(rows));
    expect(utf8.length).toBeGreaterThan(2 * 65536);
    // Line 2002: "烟" in GBK (D1 CC).
    await writeFile(join(dir, 'gbk.csv'), Buffer.concat([utf8, Buffer.of(0xd1, 0xcc), Buffer.from(',1\n')]));
    const io = capture();
    const code = await main(['observe', 'waybills', join(dir, 'gbk.csv')], { io, env: {} });
    expect(code).toBe(2);
    expect(io.err).toBe(
      `${join(dir, 'gbk.csv')}:2002: the file is not UTF-8 (GBK, GB18030 or another legacy encoding?): save it as UTF-8 and try again\n`,
    );
  });

  it('names UTF-16 instead of echoing NUL bytes', async () => {
    const text = waybillCsv(smallWaybills());
    await writeFile(join(dir, 'utf16.csv'), Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(text, 'utf16le')]));
    const io = capture();
    const code = await main(['observe', 'waybills', join(dir, 'utf16.csv')], { io, env: {} });
    expect(code).toBe(2);
    expect(io.err).toBe(
      `${join(dir, 'utf16.csv')}: the file is UTF-16 (little-endian), not UTF-8: save it as UTF-8 and try again\n`,
    );
  });
});
