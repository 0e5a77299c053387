import styles from "./ui.module.css";

export function EmptyState({ title, detail }: { title: string; detail?: string }) {
  return (
    <div className={styles.empty} role="status">
      <p className={styles.emptyTitle}>{title}</p>
      {detail ? <p className={styles.emptyDetail}>{detail}</p> : null}
    </div>
  );
}
