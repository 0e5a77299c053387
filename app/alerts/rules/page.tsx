import type { Metadata } from "next";
import { RulesPage } from "@/components/alerts/rules-page";

export const metadata: Metadata = {
  title: "Signalbox — alert rules",
  description: "What fires, where, at which lines, who hears about it, and what is silenced.",
};

export default function Page() {
  return <RulesPage />;
}
