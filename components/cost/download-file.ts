/** Hands `text` to the browser as a download named `fileName`. */
export function downloadFile(fileName: string, text: string, type: string): void {
  // A byte-order mark lets spreadsheet programs read ₹ and → in the CSV as UTF-8.
  const body = type.startsWith("text/csv") ? `\uFEFF${text}` : text;
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
