import type { ComponentProps, ReactNode } from "react";
import styles from "./field.module.css";

function joinClasses(...classes: ReadonlyArray<string | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

interface FieldProps {
  label: ReactNode;
  /** The id of the control the label names. */
  htmlFor: string;
  className?: string;
  children: ReactNode;
}

/** A form field: a small caps label over its control; the control and its note are the children. */
export function Field({ label, htmlFor, className, children }: FieldProps) {
  return (
    <div className={joinClasses(styles.field, className)}>
      <label htmlFor={htmlFor} className={styles.label}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** A radio group's or fieldset's legend, lettered like a field's label. */
export function FieldLegend({ children }: { children: ReactNode }) {
  return <legend className={styles.label}>{children}</legend>;
}

/** The line under a control: its error when there is one (red), else its hint (faint); both wrap rather than being cut. */
export function FieldNote({ id, error = false, children }: { id?: string; error?: boolean; children: ReactNode }) {
  return (
    <p id={id} className={error ? styles.error : styles.hint}>
      {children}
    </p>
  );
}

/** A form text input; `aria-invalid` paints it red. */
export function TextInput({ className, ...props }: ComponentProps<"input">) {
  return <input className={joinClasses(styles.input, className)} {...props} />;
}

/** A form select. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={joinClasses(styles.select, className)} {...props} />;
}

/** A filter bar's field: the label wraps its control, which takes `filterControlClassName`. */
export function FilterField({ label, className, children }: { label: ReactNode; className?: string; children: ReactNode }) {
  return (
    <label className={joinClasses(styles.filterField, className)}>
      <span className={styles.filterLabel}>{label}</span>
      {children}
    </label>
  );
}

/** The class of a filter bar's input or select. */
export const filterControlClassName = styles.filterControl;
