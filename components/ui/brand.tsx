import styles from "./ui.module.css";

/** The signal-lamp mark, the product's name and what this page is. */
export function Brand({ tag }: { tag: string }) {
  return (
    <div className={styles.brand}>
      <span aria-hidden="true" className={styles.brandMark}>
        <span />
        <span />
        <span />
      </span>
      <h1 className={styles.brandName}>Signalbox</h1>
      <span className={styles.brandTag}>{tag}</span>
    </div>
  );
}
