import { getRuntime } from "../runtime";
import { findRequestSession } from "./auth-guard";

/** Whether a page request carries a live session; false while the server starts or stops, so the login page answers instead. */
export async function hasPageSession(request: Request): Promise<boolean> {
  try {
    return (await findRequestSession(getRuntime(), request)) !== null;
  } catch {
    return false;
  }
}
