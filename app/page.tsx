import { Board } from "@/components/board/board";

export default function Page() {
  return <Board />;
}
