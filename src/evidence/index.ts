/** Evidence packs: building, zipping, reading and verifying them. Pure: bytes and strings in and out. */
export * from './bargainingEntry.ts';
export * from './bundle.ts';
export * from './manifest.ts';
export * from './packError.ts';
export * from './packModel.ts';
export * from './modelDigest.ts';
export * from './plan.ts';
export * from './verify.ts';
export * from './zipRead.ts';
export * from '../format/zip.ts';
export { reportHtml, type ReportInput } from './report/reportHtml.ts';
export { packCharts } from './charts/packCharts.ts';
