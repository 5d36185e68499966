/**
 * Both backends parse the same PostgreSQL types the same way, so code and tests never depend on
 * which one runs. Counts (int8) and aggregates (numeric) become numbers: our counts stay far below
 * 2^53, and money amounts are stored as integer cents where exactness matters.
 */
export const INT8_OID = 20
export const NUMERIC_OID = 1700

export const numberParsers: Record<number, (value: string) => number> = {
  [INT8_OID]: Number,
  [NUMERIC_OID]: Number,
}
