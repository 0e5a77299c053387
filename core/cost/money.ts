/**
 * Money as exact integer paise (₹1 = 100 paise), and the exact arithmetic behind it. Rates and
 * quantities arrive as decimal numbers (₹7.5 per instance-hour, 12.5 GB, a ×0.3 multiplier); they are
 * read as the decimal they print as, multiplied as BigInt fractions and rounded once, so 1.005 × ₹1
 * is 101 paise, never the 100 that binary floating point gives.
 *
 * Rounding rule: half away from zero to whole paise (half up for the non-negative amounts of costs).
 */

/** An amount of money in whole paise; always a safe integer. */
export type Paise = number;

/** An exact rational num / den with den > 0, for cost and capacity arithmetic without drift. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

const PAISE_PER_RUPEE = 100n;

/** Returns the amount unchanged when it is whole paise within Number's safe integers, else throws RangeError. */
export function assertPaise(paise: number): Paise {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`${paise} is not a safe whole number of paise`);
  return paise;
}

/** Reads a finite number exactly as the decimal it prints as (0.1 is 1/10, 1e-7 is 1/10^7). */
export function toFraction(value: number): Fraction {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`);
  const [mantissa = "0", exponentText = "0"] = String(value).toLowerCase().split("e");
  const negative = mantissa.startsWith("-");
  const [whole = "0", decimals = ""] = (negative ? mantissa.slice(1) : mantissa).split(".");
  const scale = decimals.length - Number(exponentText);
  const digits = BigInt(whole + decimals) * (negative ? -1n : 1n);
  return scale >= 0 ? { num: digits, den: 10n ** BigInt(scale) } : { num: digits * 10n ** BigInt(-scale), den: 1n };
}

/** Multiplies fractions exactly; no arguments give 1. */
export function multiplyFractions(...factors: readonly Fraction[]): Fraction {
  return factors.reduce((product, factor) => ({ num: product.num * factor.num, den: product.den * factor.den }), { num: 1n, den: 1n });
}

/** Adds two fractions exactly. */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

/** Divides a by b exactly; throws RangeError when b is zero. */
export function divideFractions(a: Fraction, b: Fraction): Fraction {
  if (b.num === 0n) throw new RangeError("division by zero");
  const sign = b.num < 0n ? -1n : 1n;
  return { num: a.num * b.den * sign, den: a.den * b.num * sign };
}

/** Rounds a fraction up to the next whole number (exact: 11 stays 11 where 1.1 × 10 in floats gives 12). */
export function ceilFraction(f: Fraction): number {
  const quotient = f.num / f.den;
  const rounded = f.num > quotient * f.den ? quotient + 1n : quotient;
  return toSafeNumber(rounded);
}

/** The nearest double to a fraction, for display figures such as percentages (never for money). */
export function fractionToNumber(f: Fraction): number {
  return Number(f.num) / Number(f.den);
}

/** A fraction as a percentage with one decimal (8/3 → 266.7), for display figures such as utilisation. */
export function fractionToPercent(f: Fraction): number {
  return Math.round(fractionToNumber(f) * 1000) / 10;
}

/** Rounds an exact rupee amount to paise, half away from zero. */
export function roundRupeesToPaise(rupees: Fraction): Paise {
  const scaled = rupees.num * PAISE_PER_RUPEE;
  const magnitude = scaled < 0n ? -scaled : scaled;
  const rounded = (2n * magnitude + rupees.den) / (2n * rupees.den);
  return toSafeNumber(scaled < 0n ? -rounded : rounded);
}

/** Converts rupees (a decimal number) to paise exactly, rounding half away from zero beyond two decimals. */
export function rupeesToPaise(rupees: number): Paise {
  return roundRupeesToPaise(toFraction(rupees));
}

/** Converts paise to rupees: the number with at most two decimals that the API's `…Inr` fields carry. */
export function paiseToRupees(paise: Paise): number {
  return assertPaise(paise) / 100;
}

/** Whether a rupee amount is whole paise, i.e. has at most two decimals. */
export function isWholePaise(rupees: number): boolean {
  if (!Number.isFinite(rupees)) return false;
  const f = toFraction(rupees);
  return (f.num * PAISE_PER_RUPEE) % f.den === 0n;
}

/** Prices a ₹ rate times decimal factors (quantity, share, price factor…) exactly, rounded once to paise. */
export function multiplyRate(rateInr: number, ...factors: readonly number[]): Paise {
  return roundRupeesToPaise(multiplyFractions(toFraction(rateInr), ...factors.map(toFraction)));
}

/** Sums paise amounts, throwing RangeError if the total leaves Number's safe integers. */
export function sumPaise(amounts: readonly Paise[]): Paise {
  return assertPaise(amounts.reduce((total, amount) => total + assertPaise(amount), 0));
}

function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${value} is outside Number's safe integers`);
  return n;
}

/** Whole rupees in Indian grouping (₹12,34,567); paise are appended exactly, never rounded through a double. */
const wholeRupeeFormat = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR", maximumFractionDigits: 0 });

/** Formats paise as INR in Indian grouping (₹2,00,000), with two decimals only when there are paise (₹12,34,567.50), negatives −₹…. */
export function formatInr(paise: Paise): string {
  assertPaise(paise);
  const magnitude = Math.abs(paise);
  const rest = magnitude % 100;
  const decimals = rest === 0 ? "" : `.${String(rest).padStart(2, "0")}`;
  return `${paise < 0 ? "−" : ""}${wholeRupeeFormat.format(Math.floor(magnitude / 100))}${decimals}`;
}
