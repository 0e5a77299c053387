import Link from "next/link";
import styles from "./ui.module.css";

const PAGES = [
  { id: "board", href: "/", label: "Board" },
  { id: "alerts", href: "/alerts", label: "Alerts" },
  { id: "timeline", href: "/timeline", label: "Timeline" },
  { id: "cost", href: "/cost", label: "Cost" },
  { id: "dlq", href: "/dlq", label: "Dead letters" },
  { id: "drills", href: "/drills", label: "Drills" },
] as const;

/** A page outside the main links (the admins' users page) marks none of them current. */
export type SitePage = (typeof PAGES)[number]["id"] | "users";

/** Links between the control room's pages; the current one is marked for assistive technology too. */
export function SiteNav({ current }: { current: SitePage }) {
  return (
    <nav aria-label="Pages" className={styles.nav}>
      {PAGES.map((page) => (
        <Link
          key={page.id}
          href={page.href}
          className={styles.navLink}
          data-testid={`nav-${page.id}`}
          aria-current={page.id === current ? "page" : undefined}
        >
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
