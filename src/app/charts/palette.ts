/** Colours and dash patterns for arms, shared with the pack's charts (src/evidence/chartSpecs/palette.ts). */
export { ARM_COLOURS, ARM_DASHES, armColour, armDash } from '../../evidence/chartSpecs/palette.ts';

/** Colour of reference lines (rules, limits). */
export const REFERENCE_COLOUR = '#444444';
