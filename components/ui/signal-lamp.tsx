import type { RegionStatus } from "@/core/metrics/snapshot";
import styles from "./ui.module.css";

/** The round signal aspect of a status; decorative, so the status must also be written out beside it. */
export function SignalLamp({ status }: { status: RegionStatus | "loading" }) {
  return <span aria-hidden="true" className={styles.lamp} data-status={status} />;
}
