/** The analysis API shared by the CLI, the workers and the app. */
export * from './compare.ts';
export * from './sweep.ts';
export * from './runTasks.ts';
export * from './batchPlan.ts';
export * from './stats.ts';
export * from './metricPaths.ts';
export * from './metricList.ts';
export * from './target.ts';
export * from './sensitivity.ts';
export * from './zone.ts';
export * from './gate.ts';
export * from './runOne.ts';
export * from './calibrate/index.ts';
export * from './calibrationOfRuns.ts';
export * from './catalogue/index.ts';
export * from './catalogue/targetSources.ts';
export * from './armName.ts';
