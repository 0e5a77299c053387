import type { ReactNode } from "react";
import { FieldLegend } from "./field";
import styles from "./segmented.module.css";

export interface SegmentOption<T extends string> {
  value: T;
  label: ReactNode;
  testId?: string;
}

interface SegmentedProps<T extends string> {
  legend: ReactNode;
  /** The radio group's name, unique on the page. */
  name: string;
  options: ReadonlyArray<SegmentOption<T>>;
  value: T;
  onChange: (value: T) => void;
  /** "small" fits a toolbar: lower segments, the legend read by screen readers only. */
  size?: "normal" | "small";
}

/** One choice of a few, as joined buttons: a fieldset of radios, so arrow keys move between them. */
export function Segmented<T extends string>({ legend, name, options, value, onChange, size = "normal" }: SegmentedProps<T>) {
  return (
    <fieldset className={size === "small" ? `${styles.segmented} ${styles.small}` : styles.segmented}>
      {size === "small" ? <legend className="visually-hidden">{legend}</legend> : <FieldLegend>{legend}</FieldLegend>}
      {options.map((option) => (
        <label key={option.value} className={styles.segment}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            data-testid={option.testId}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
