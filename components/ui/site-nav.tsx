import Link from "next/link";
import styles from "./ui.module.css";

const PAGES = [
  { id: "board", href: "/", label: "Board" },
  { id: "cost", href: "/cost", label: "Cost" },
  { id: "dlq", href: "/dlq", label: "Dead letters" },
] as const;

export type SitePage = (typeof PAGES)[number]["id"];

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
