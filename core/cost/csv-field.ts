/** Cells of the cost report's CSV: quoted per RFC 4180, and text a person typed kept from running as a formula. */

/** Characters a spreadsheet reads as the start of a formula (OWASP's CSV injection list). */
const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];

/** OWASP's rule for typed text: a cell that starts like a formula gets a leading ' so spreadsheets show it as text. */
export function neutraliseCsvFormula(text: string): string {
  return FORMULA_STARTS.some((start) => text.startsWith(start)) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function quoteCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
