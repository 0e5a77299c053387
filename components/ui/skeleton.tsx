import styles from "./ui.module.css";

/** A placeholder with the size of the text or block it stands in for, so the layout does not move when data lands. */
export function Skeleton({ width = "4em", block = false }: { width?: string; block?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={block ? `${styles.skeleton} ${styles.skeletonBlock}` : styles.skeleton}
      style={block ? undefined : { width }}
    />
  );
}
