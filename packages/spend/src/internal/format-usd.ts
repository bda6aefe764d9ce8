/** `$500.00`, `$1.50`; amounts under a dollar keep four decimals (`$0.0045`) so small budgets stay readable. */
export const formatUsd = (value: number): string => `$${value.toFixed(Math.abs(value) >= 1 ? 2 : 4)}`;
