/** The model against observation: targets files, calibration and fitting. */
export * from './calibrate.ts';
export * from './evaluate.ts';
export * from './fit.ts';
export * from './targets.ts';
export * from './defaultTargets.ts';
