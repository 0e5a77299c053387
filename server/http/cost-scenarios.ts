import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { SavedCostScenario, SavedCostScenarioList } from "@/core/cost/cost-api";
import { AppError } from "../errors";
import type { Runtime } from "../runtime";
import { deleteCostScenario } from "../services/delete-cost-scenario";
import { getCostScenario } from "../services/get-cost-scenario";
import { listCostScenarios } from "../services/list-cost-scenarios";
import { saveCostScenario } from "../services/save-cost-scenario";
import { updateCostScenario } from "../services/update-cost-scenario";
import { readCostScenario } from "./read-cost-scenario";
import { parseId, parseQuery } from "./validate";

const listQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1 to 500")
    .max(500, "must be 1 to 500")
    .default(100),
});

const idSchema = z.uuid({ error: "must be a cost scenario id (a UUID)" });

function notFound(id: string): AppError {
  return new AppError("not_found", `No cost scenario "${id}"; it may have been deleted. GET /api/cost/scenarios lists the saved ones.`);
}

function found(record: SavedCostScenario | null, id: string): SavedCostScenario {
  if (!record) throw notFound(id);
  return record;
}

/** GET /api/cost/scenarios?limit=: saved scenarios, most recently updated first. */
export async function listScenarios(runtime: Runtime, params: URLSearchParams): Promise<SavedCostScenarioList> {
  const { limit } = parseQuery(listQuerySchema, params);
  return { scenarios: await listCostScenarios(runtime.database.prisma, { limit }) };
}

/** POST /api/cost/scenarios: saves a new scenario under a new id. */
export async function createScenario(runtime: Runtime, request: Request): Promise<SavedCostScenario> {
  const scenario = await readCostScenario(request);
  return saveCostScenario(runtime.database.prisma, randomUUID(), scenario, Date.now());
}

/** GET /api/cost/scenarios/:id. */
export async function getScenario(runtime: Runtime, id: string): Promise<SavedCostScenario> {
  const valid = parseId(idSchema, id);
  return found(await getCostScenario(runtime.database.prisma, valid), id);
}

/** PUT /api/cost/scenarios/:id: replaces the scenario (its name included). */
export async function updateScenario(runtime: Runtime, id: string, request: Request): Promise<SavedCostScenario> {
  const valid = parseId(idSchema, id);
  const scenario = await readCostScenario(request);
  return found(await updateCostScenario(runtime.database.prisma, valid, scenario, Date.now()), id);
}

/** DELETE /api/cost/scenarios/:id: removes it and answers what it held. */
export async function deleteScenario(runtime: Runtime, id: string): Promise<SavedCostScenario> {
  const valid = parseId(idSchema, id);
  return found(await deleteCostScenario(runtime.database.prisma, valid), id);
}
