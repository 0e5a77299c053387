"use client";

import { Segmented } from "./segmented";
import type { TimeBase } from "./time-format";
import { saveTimeBase, useTimeZone } from "./use-time-zone";
import styles from "./ui.module.css";

/** The one place the time base is chosen (in every page's user menu); it holds for this browser. */
export function TimeZoneControl() {
  const { base, browserLabel } = useTimeZone();
  return (
    <Segmented<TimeBase>
      legend="Times in"
      name="time-base"
      value={base}
      onChange={saveTimeBase}
      options={[
        { value: "ist", label: "IST", testId: "time-base-ist" },
        { value: "local", label: `This browser (${browserLabel})`, testId: "time-base-local" },
      ]}
    />
  );
}

/** The time base's label beside a clock, an axis or a table: "IST", "EST". */
export function TimeZoneLabel({ className }: { className?: string }) {
  const { label } = useTimeZone();
  return (
    <abbr
      className={className ? `${styles.zone} ${className}` : styles.zone}
      title={`${label === "IST" ? "Indian Standard Time" : "This browser's time zone"}; the account menu changes it`}
      data-testid="time-zone"
    >
      {label}
    </abbr>
  );
}
