import { useId, type ReactNode } from "react";
import styles from "./ui.module.css";

interface PanelProps {
  title: string;
  /** A short note beside the title, such as the window the figures cover. */
  meta?: ReactNode;
  className?: string;
  bodyClassName?: string;
  children: ReactNode;
}

/** A titled board section; the heading names the region landmark. */
export function Panel({ title, meta, className, bodyClassName, children }: PanelProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={className ? `${styles.panel} ${className}` : styles.panel}>
      <header className={styles.panelHeader}>
        <h2 id={headingId} className={styles.panelTitle}>
          {title}
        </h2>
        {meta ? <p className={styles.panelMeta}>{meta}</p> : null}
      </header>
      <div className={bodyClassName ? `${styles.panelBody} ${bodyClassName}` : styles.panelBody}>{children}</div>
    </section>
  );
}
