import type { RollupRecord } from "@/core/metrics/history";
import type { Database } from "../db/database";
import type { Env } from "../env";
import { saveDeadLetters } from "../services/save-dead-letters";
import { saveRegionRollups } from "../services/save-region-rollups";
import { summarizeDeadLetters } from "../services/summarize-dead-letters";
import { broadcastDlqSummary, type BoardServer } from "../socket/board-socket";
import { BackgroundWrites } from "../workers/background-writes";
import { BatchWriter } from "../workers/batch-writer";
import type { DeadLetterRecord } from "../workers/dead-letter";
import { DlqSummaryFeed } from "../workers/dlq-summary-feed";
import type { FaultInjector } from "../workers/fault-injector";
import { log } from "./log";

/** The server's writes to the database that must outlive a slow or absent database, and the DLQ summary they change. */
export interface Writers {
  dlqSummary: DlqSummaryFeed;
  history: BatchWriter<RollupRecord>;
  deadLetters: BatchWriter<DeadLetterRecord>;
  /** Region changes and dead-letter updates are written in the background; readers and shutdown settle them. */
  backgroundWrites: BackgroundWrites;
  /** Stores dead letters and tells dashboards their summary changed. */
  saveAndAnnounceDeadLetters(records: readonly DeadLetterRecord[]): Promise<void>;
  /** Resolves once every write started so far (dead letters, their updates, region changes) is in the database. */
  settleWrites(): Promise<void>;
}

export function createWriters(env: Env, database: Database, io: BoardServer, faults: FaultInjector): Writers {
  const dlqSummary = new DlqSummaryFeed({
    read: async () => ({ at: Date.now(), ...(await summarizeDeadLetters(database.prisma, env.MAX_REPLAYS)), maxReplays: env.MAX_REPLAYS }),
    publish: (summary) => broadcastDlqSummary(io, summary),
    coalesceMs: 1000,
    onError: (error) => console.error("[dlq] could not count the dead letters", error),
  });
  const saveAndAnnounceDeadLetters = async (records: readonly DeadLetterRecord[]) => {
    await saveDeadLetters(database.prisma, records);
    dlqSummary.markChanged();
  };
  const history = new BatchWriter<RollupRecord>({
    label: "history",
    noun: "rollup",
    save: (records) => {
      faults.check("history", null, Date.now());
      return saveRegionRollups(database.prisma, records);
    },
    bufferLimit: env.HISTORY_BUFFER_LIMIT,
    retryMs: 2000,
    log,
  });
  const deadLetters = new BatchWriter<DeadLetterRecord>({
    label: "dlq",
    noun: "dead letter",
    save: saveAndAnnounceDeadLetters,
    bufferLimit: env.HISTORY_BUFFER_LIMIT,
    retryMs: 2000,
    log,
  });
  const backgroundWrites = new BackgroundWrites((what, error) => console.error(`[db] could not ${what}`, error));
  const settleWrites = async () => {
    await deadLetters.settle();
    await backgroundWrites.settle();
  };
  return { dlqSummary, history, deadLetters, backgroundWrites, saveAndAnnounceDeadLetters, settleWrites };
}
