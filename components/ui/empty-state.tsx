import styles from "./ui.module.css";

/** "Nothing here" with a reason; it covers its positioned parent (a chart frame) unless `inline`, when it takes its own room in the flow. */
export function EmptyState({ title, detail, inline = false }: { title: string; detail?: string; inline?: boolean }) {
  return (
    <div className={inline ? `${styles.empty} ${styles.emptyInline}` : styles.empty} role="status">
      <p className={styles.emptyTitle}>{title}</p>
      {detail ? <p className={styles.emptyDetail}>{detail}</p> : null}
    </div>
  );
}
