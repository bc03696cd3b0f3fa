/**
 * What a chart spec is made of. A spec is what one chart says, whoever draws it: its data rows, its arms with their
 * colours, its reference lines and its texts in both languages. The workbench draws a spec with Observable Plot
 * (src/app/charts) and the pack with hand-written SVG (../charts), which must be the same bytes in Node and Chromium.
 */
import { armColour, armDash } from './palette.ts';

/** A text in Chinese and English. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One arm as every chart draws it: its name (already in the reader's language), colour and dash pattern. */
export interface SpecArm {
  name: string;
  colour: string;
  dash: string;
}

/** A reference line at `at` on the value axis (a limit or a standard) and what it is. */
export interface SpecReference {
  at: number;
  label: Bilingual;
}

/** The arms of a chart in order, each with its palette entry. */
export function specArms(names: readonly string[]): SpecArm[] {
  return names.map((name, i) => ({ name, colour: armColour(i), dash: armDash(i) }));
}
