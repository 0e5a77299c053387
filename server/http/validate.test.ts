import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createValidationError, parseBody, parseId, parseQuery } from "./validate";

/** What a call threw, as the route would answer it. */
function refusal(run: () => unknown): { code: string; status: number; message: string; details: unknown } {
  try {
    run();
  } catch (error) {
    const { code, status, message, details } = error as { code: string; status: number; message: string; details: unknown };
    return { code, status, message, details };
  }
  throw new Error("expected a refusal");
}

describe("the one validation shape", () => {
  it("lists every bad body field; a message naming its field stays as it is, any other gets the path in front", () => {
    const schema = z.object({
      reason: z.string().min(1, "reason must say why"),
      regions: z.array(z.object({ min: z.number().min(1, "must be at least 1") })),
    });
    expect(refusal(() => parseBody(schema, { reason: "", regions: [{ min: 0 }] }))).toEqual({
      code: "bad_request",
      status: 400,
      message: "reason must say why; regions.0.min: must be at least 1",
      details: {
        fields: [
          { path: "reason", message: "reason must say why" },
          { path: "regions.0.min", message: "must be at least 1" },
        ],
      },
    });
  });

  it("words a query's refusal by its first problem and lists them all", () => {
    const schema = z.object({ limit: z.coerce.number().max(500, "must be 1 to 500"), region: z.enum(["pune"], { error: "must be pune" }) });
    expect(refusal(() => parseQuery(schema, new URLSearchParams("limit=900&region=goa")))).toMatchObject({
      message: "limit: must be 1 to 500",
      details: {
        fields: [
          { path: "limit", message: "must be 1 to 500" },
          { path: "region", message: "must be pune" },
        ],
      },
    });
  });

  it("answers a malformed id with 400 naming the field id", () => {
    expect(refusal(() => parseId(z.uuid({ error: "must be a user id (a UUID)" }), "42"))).toEqual({
      code: "bad_request",
      status: 400,
      message: "id: must be a user id (a UUID)",
      details: { fields: [{ path: "id", message: "must be a user id (a UUID)" }] },
    });
    expect(parseId(z.uuid(), "00000000-0000-4000-8000-000000000000")).toBe("00000000-0000-4000-8000-000000000000");
  });

  it("keeps a whole-body problem's message as it is", () => {
    expect(createValidationError([{ path: "", message: "The body is empty; send a JSON value." }]).message).toBe(
      "The body is empty; send a JSON value.",
    );
  });
});
