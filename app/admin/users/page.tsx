import type { Metadata } from "next";
import { UsersPage } from "@/components/auth/users-page";

export const metadata: Metadata = { title: "Signalbox — users" };

export default function Page() {
  return <UsersPage />;
}
