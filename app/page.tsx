import { Board } from "@/components/board/board";
import { readRangeParams, type SearchParams } from "@/components/board/time-range";

/** The board, on the time range the address names (?range=6h, or ?from=&to=). */
export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <Board initialRange={await readRangeParams(searchParams)} />;
}
