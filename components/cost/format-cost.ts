/** Money and file names for the cost page; amounts arrive as rupees (`…Inr`) and are shown from exact paise. */
import { formatInr, rupeesToPaise } from "@/core/cost/money";

/** ₹47,760 · ₹1,00,000.50. */
export function formatRupees(inr: number): string {
  return formatInr(rupeesToPaise(inr));
}

/** A change with its sign: +₹2,400, −₹4,000, ₹0. */
export function formatRupeesChange(inr: number): string {
  const paise = rupeesToPaise(inr);
  return paise > 0 ? `+${formatInr(paise)}` : formatInr(paise);
}

/** A part of a whole as a whole percentage ("34%"); "0%" when the whole is 0. */
export function formatPercentOf(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : "0%";
}

/** A file name from a scenario's name: "Startup on two regions" → "startup-on-two-regions.csv". */
export function createExportFileName(name: string, extension: "csv" | "json"): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "cost-scenario"}.${extension}`;
}

const compactRupeeFormat = new Intl.NumberFormat("en-IN", { notation: "compact", maximumFractionDigits: 1 });

/** Chart-axis rupees in Indian units: ₹950, ₹47.8K, ₹2L, ₹1.5Cr; the minus is the typographic one, as in formatRupees. */
export function formatRupeesCompact(inr: number): string {
  return `${inr < 0 ? "−" : ""}₹${compactRupeeFormat.format(Math.abs(inr))}`;
}
