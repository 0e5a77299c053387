/** The element id of a form field by its schema path, so an error anywhere on the page can lead to its field. */
export function fieldIdOf(path: string): string {
  return `cost-field-${path.replace(/\./g, "-")}`;
}
