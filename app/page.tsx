import { Board } from "@/components/board/board";
import { isWallRequested, WALL_PARAM } from "@/components/board/wall-mode";

/** `/?wall=1` opens the board in wall mode, so the room's screen can boot straight into it. */
export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  return <Board initialWall={isWallRequested(query[WALL_PARAM])} />;
}
