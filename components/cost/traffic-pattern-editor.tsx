import { useState } from "react";
import { FieldNote, TextInput } from "@/components/ui/field";
import { readNumber } from "./scenario-draft";
import styles from "./scenario-form.module.css";

interface TrafficPatternEditorProps {
  idPrefix: string;
  /** 24 multipliers as typed, index = hour in IST. */
  pattern: readonly string[];
  errors: ReadonlyMap<string, string>;
  onChange: (hour: number, value: string) => void;
}

const hourLabel = (hour: number) => String(hour).padStart(2, "0");

/** The 24 hourly multipliers: a strip of bars to read the day at a glance, and an input per hour to change it. */
export function TrafficPatternEditor({ idPrefix, pattern, errors, onChange }: TrafficPatternEditorProps) {
  const values = pattern.map((typed) => {
    const value = readNumber(typed);
    return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
  });
  const peak = Math.max(...values, 0);
  const hourErrors = pattern.flatMap((_, hour) => (errors.has(`trafficPattern.${hour}`) ? [hour] : []));
  const wholeError = errors.get("trafficPattern");
  const [open, setOpen] = useState(false);
  if (hourErrors.length > 0 && !open) setOpen(true);

  return (
    <details className={styles.pattern} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className={styles.ratesSummary}>
        Traffic pattern
        <span className={styles.ratesNote}>× per hour, IST{peak > 0 ? ` · peak ×${peak}` : ""}</span>
      </summary>
      <div className={styles.patternBars} aria-hidden="true">
        {values.map((value, hour) => (
          <span
            key={hour}
            className={styles.patternBar}
            data-peak={value === peak && peak > 0 ? true : undefined}
            style={{ height: `${peak > 0 ? Math.max(4, (value / peak) * 100) : 4}%` }}
            title={`${hourLabel(hour)}:00 ×${value}`}
          />
        ))}
      </div>
      <div className={styles.patternGrid}>
        {pattern.map((typed, hour) => {
          const error = errors.get(`trafficPattern.${hour}`);
          return (
            <div key={hour} className={styles.patternCell}>
              <label htmlFor={`${idPrefix}-${hour}`} className={styles.patternHour}>
                {hourLabel(hour)}
              </label>
              <TextInput
                id={`${idPrefix}-${hour}`}
                className={`${styles.patternInput} num`}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={typed}
                aria-invalid={error ? true : undefined}
                aria-label={`Multiplier at ${hourLabel(hour)}:00 IST${error ? `: ${error}` : ""}`}
                title={error}
                onChange={(event) => onChange(hour, event.target.value)}
              />
            </div>
          );
        })}
      </div>
      <FieldNote id={idPrefix} error={Boolean(wholeError) || hourErrors.length > 0}>
        {wholeError ??
          (hourErrors.length > 0
            ? `${hourErrors.map((hour) => `${hourLabel(hour)}:00 ${errors.get(`trafficPattern.${hour}`)}`).join("; ")}`
            : "Load at each hour is the peak load × its multiplier ÷ the largest; 23→07 wraps midnight.")}
      </FieldNote>
    </details>
  );
}
