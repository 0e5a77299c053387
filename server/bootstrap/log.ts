/** One line of the server's log on stdout, stamped with the time. */
export function log(message: string): void {
  console.log(`${new Date().toISOString()} ${message}`);
}
