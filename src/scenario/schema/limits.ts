/** Upper bounds that keep one run from exhausting the machine. */
export const LIMITS = {
  couriers: 200_000,
  ordersPerDay: 5_000_000,
  days: 120,
  replications: 1_000,
  restaurants: 100_000,
  arms: 16,
  replayOrders: 200_000,
  replayCouriers: 50_000,
  replayRestaurants: 50_000,
} as const;
