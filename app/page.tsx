import { Board } from "@/components/board/board";
import { readRangeParams, type SearchParams } from "@/components/board/time-range";
import { isWallRequested, WALL_PARAM } from "@/components/board/wall-mode";

/**
 * The board, on the time range the address names (?range=6h, or ?from=&to=); `/?wall=1` opens it in wall mode,
 * so the room's screen can boot straight into it.
 */
export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  return <Board initialRange={await readRangeParams(searchParams)} initialWall={isWallRequested(query[WALL_PARAM])} />;
}
