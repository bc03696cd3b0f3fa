/** Time helpers shared by the engine, its owners and the recorder. */

/** The hour of the day (0–23) of an absolute time in seconds, for a day whose midnight is `day` × 86400. */
export const hourOf = (sec: number, day: number): number => Math.floor((sec - day * 86400) / 3600) % 24;
