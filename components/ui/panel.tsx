import { useId, type ReactNode } from "react";
import styles from "./ui.module.css";

interface PanelProps {
  title: string;
  /** A short note beside the title, such as the window the figures cover. */
  meta?: ReactNode;
  className?: string;
  bodyClassName?: string;
  /** The body is a column in which a chart or list can grow to the panel's full height (the board's fit layout). */
  fill?: boolean;
  children: ReactNode;
}

/** A titled board section; the heading names the region landmark. */
export function Panel({ title, meta, className, bodyClassName, fill = false, children }: PanelProps) {
  const headingId = useId();
  const bodyClasses = [styles.panelBody, fill ? styles.panelBodyFill : null, bodyClassName].filter(Boolean).join(" ");
  return (
    <section aria-labelledby={headingId} className={className ? `${styles.panel} ${className}` : styles.panel}>
      <header className={styles.panelHeader}>
        <h2 id={headingId} className={styles.panelTitle}>
          {title}
        </h2>
        {meta ? <p className={styles.panelMeta}>{meta}</p> : null}
      </header>
      <div className={bodyClasses}>{children}</div>
    </section>
  );
}
