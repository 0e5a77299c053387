import styles from "./board.module.css";

export interface Notice {
  id: string;
  tone: "error" | "warning";
  title: string;
  detail: string;
  action?: { label: string; run: () => void };
}

/** Problems an operator should know about, each saying what failed and what the board does about it. */
export function Notices({ notices }: { notices: readonly Notice[] }) {
  if (notices.length === 0) return null;
  return (
    <div className={styles.notices}>
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={styles.notice}
          data-tone={notice.tone}
          data-testid={`notice-${notice.id}`}
          role={notice.tone === "error" ? "alert" : "status"}
        >
          <span aria-hidden="true" className={styles.noticeIcon}>
            {notice.tone === "error" ? "!" : "…"}
          </span>
          <p className={styles.noticeText}>
            <strong>{notice.title}</strong> {notice.detail}
          </p>
          {notice.action ? (
            <button type="button" className={styles.noticeAction} onClick={notice.action.run}>
              {notice.action.label}
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}
