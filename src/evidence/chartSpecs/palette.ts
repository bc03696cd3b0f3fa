/** Colours and dash patterns of arms, the same in the workbench and the pack: Okabe–Ito, safe for colour-blindness. */

/** Arm colours in order: blue, orange, bluish green, reddish purple, vermilion, sky blue. */
export const ARM_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'] as const;

/** Dash patterns in the same order, so arms stay apart in greyscale print too. */
export const ARM_DASHES = ['none', '7,3', '2,3', '9,3,2,3', '4,2', '1,2'] as const;

/** Colour of the arm at `index` (cycling). */
export const armColour = (index: number): string => ARM_COLOURS[index % ARM_COLOURS.length] as string;

/** Dash pattern of the arm at `index` (cycling). */
export const armDash = (index: number): string => ARM_DASHES[index % ARM_DASHES.length] as string;
