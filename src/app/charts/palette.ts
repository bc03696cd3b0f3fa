/** Colours and dash patterns for arms: Okabe–Ito, distinguishable with the common colour-vision deficiencies. */

/** Arm colours in order: blue, orange, bluish green, reddish purple, vermilion, sky blue. */
export const ARM_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'] as const;

/** Dash patterns in the same order, so arms stay apart in greyscale print too. */
export const ARM_DASHES = ['none', '7,3', '2,3', '9,3,2,3', '4,2', '1,2'] as const;

/** Colour of the arm at `index` (cycling). */
export function armColour(index: number): string {
  return ARM_COLOURS[index % ARM_COLOURS.length] as string;
}

/** Dash pattern of the arm at `index` (cycling). */
export function armDash(index: number): string {
  return ARM_DASHES[index % ARM_DASHES.length] as string;
}

/** Colour of reference lines (rules, limits). */
export const REFERENCE_COLOUR = '#444444';
