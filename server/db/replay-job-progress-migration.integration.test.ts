import { describe, expect, it } from "vitest";
import { openDbBefore } from "../testing/pglite-db";

const MIGRATION = "20261126310000_replay_job_progress";
const DEAD_LETTER = "11111111-1111-4111-8111-111111111111";
const JOB = "22222222-2222-4222-8222-222222222222";

describe(`migration ${MIGRATION}`, () => {
  it("moves earlier jobs' per-entry outcomes into dead_letter_attempts and marks those jobs finished", async () => {
    const { client, applyIt } = await openDbBefore(MIGRATION);
    await client.exec(`
      INSERT INTO dead_letters (id, event_id, region, component, severity, error, retry_count, event, first_failed_at, dead_lettered_at, replay_count)
      VALUES ('${DEAD_LETTER}', 'e-1', 'pune', 'processor', 'CATASTROPHIC', 'boom', 3, '{}', '2026-11-26T10:00:00Z', '2026-11-26T10:00:01Z', 1);
      INSERT INTO replay_jobs (id, requested_at, selection, total, requeued, refused, invalid, outcomes)
      VALUES ('${JOB}', '2026-11-26T10:05:00Z', '{}', 2, 1, 0, 1, '[
        {"id": "${DEAD_LETTER}", "eventId": "e-1", "outcome": "requeued", "reason": "sent through the pipeline again"},
        {"id": "33333333-3333-4333-8333-333333333333", "eventId": null, "outcome": "missing", "reason": "no dead letter with this id"}
      ]');
    `);

    await applyIt();

    expect(await client.query(`SELECT dead_letter_id, job_id, kind, detail, at FROM dead_letter_attempts`)).toEqual([
      {
        dead_letter_id: DEAD_LETTER,
        job_id: JOB,
        kind: "replay_requeued",
        detail: "sent through the pipeline again",
        at: new Date("2026-11-26T10:05:00Z"),
      },
    ]);
    expect(await client.query(`SELECT state, processed, total, finished_at, requested_by FROM replay_jobs`)).toEqual([
      { state: "done", processed: 2, total: 2, finished_at: new Date("2026-11-26T10:05:00Z"), requested_by: null },
    ]);
  });
});
