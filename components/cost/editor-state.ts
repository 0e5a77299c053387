import type { SavedCostScenario } from "@/core/cost/cost-api";
import type { CostScenario } from "@/core/cost/cost-scenario";
import { createDraft, parseDraft, type ScenarioDraft } from "./scenario-draft";

export interface EditorState {
  draft: ScenarioDraft | null;
  /** The saved scenario the draft edits; null for one not saved yet. */
  saved: SavedCostScenario | null;
  /** `saved` read through the form, so an untouched draft compares equal to it. */
  savedScenario: CostScenario | null;
  /** Counts opened scenarios, so results of a new one show at once instead of after the typing pause. */
  generation: number;
}

export type EditorAction =
  | { type: "open"; draft: ScenarioDraft; saved: SavedCostScenario | null }
  | { type: "edit"; update: (draft: ScenarioDraft) => ScenarioDraft }
  | { type: "saved"; saved: SavedCostScenario }
  | { type: "deleted"; id: string };

export const INITIAL_EDITOR: EditorState = { draft: null, saved: null, savedScenario: null, generation: 0 };

/** How the form reads a saved scenario back (a fixed fleet's unused peak events/s is not a field). */
function readSavedScenario(saved: SavedCostScenario): CostScenario {
  const parsed = parseDraft(createDraft(saved.scenario));
  return parsed.ok ? parsed.scenario : saved.scenario;
}

export function reduceEditor(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "open":
      return {
        draft: action.draft,
        saved: action.saved,
        savedScenario: action.saved ? readSavedScenario(action.saved) : null,
        generation: state.generation + 1,
      };
    case "edit":
      return state.draft ? { ...state, draft: action.update(state.draft) } : state;
    case "saved":
      // The draft stays as typed: the person may have gone on typing while the save was on its way.
      return { ...state, saved: action.saved, savedScenario: readSavedScenario(action.saved) };
    case "deleted":
      return state.saved?.id === action.id ? { ...state, saved: null, savedScenario: null } : state;
  }
}
