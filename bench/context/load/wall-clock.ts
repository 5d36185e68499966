/**
 * Milliseconds since 1970, to a fraction: the instant a PATCH leaves, carried in its NO2 value, and the
 * instant its notification arrives are read on this one clock.
 */
export const nowMs = () => performance.timeOrigin + performance.now()
