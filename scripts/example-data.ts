/**
 * Writes the README's example inputs of the real-data commands into a folder (default: ./example-data): a waybill
 * file and its courier-wave file in the TSL-Meituan layout, and union members' rider records with their online time,
 * all generated (the real TSL data are CC BY-NC 4.0 and never part of this repository).
 *
 *   npx tsx scripts/example-data.ts [folder]
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { generateRiderRecords } from '../test/io/riderFixtures.ts';
import { generateWaybills } from '../test/io/waybillFixtures.ts';

const dir = process.argv[2] ?? 'example-data';
mkdirSync(dir, { recursive: true });
const waybills = openSync(join(dir, 'waybills.csv'), 'w');
const waves = openSync(join(dir, 'waves.csv'), 'w');
try {
  generateWaybills(
    60_000,
    (text) => void writeSync(waybills, text),
    2,
    12,
    (text) => void writeSync(waves, text),
  );
} finally {
  closeSync(waybills);
  closeSync(waves);
}
const riders = generateRiderRecords(40, 21);
writeFileSync(join(dir, 'riders.csv'), riders.records);
writeFileSync(join(dir, 'online.csv'), riders.online);
console.log(`wrote ${dir}/waybills.csv, waves.csv, riders.csv and online.csv`);
