"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from "react";
import type { SavedCostScenario } from "@/core/cost/cost-api";
import { buildCostReport, formatCostReportCsv, type CostReport } from "@/core/cost/cost-report";
import { REFERENCE_COST_SCENARIO, type CostScenario } from "@/core/cost/cost-scenario";
import { ApiError } from "@/components/ui/api-client";
import { Brand } from "@/components/ui/brand";
import { isStructurallyEqual } from "@/components/ui/equality";
import { SiteNav } from "@/components/ui/site-nav";
import { UserMenu } from "@/components/auth/user-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import {
  createScenario,
  createScenarioQueryKey,
  deleteScenario,
  fetchScenario,
  fetchScenarios,
  SCENARIOS_QUERY_KEY,
  updateScenario,
} from "./api";
import { CompareView, type CompareOption } from "./compare-view";
import { CostResults } from "./cost-results";
import { CostToolbar, type SaveStatus } from "./cost-toolbar";
import { downloadFile } from "./download-file";
import { ErrorSummary } from "./error-summary";
import { INITIAL_EDITOR, reduceEditor } from "./editor-state";
import { createExportFileName } from "./format-cost";
import { SavedScenarios } from "./saved-scenarios";
import { createBlankDraft, createCopyName, createDraft, parseDraft, type ScenarioDraft } from "./scenario-draft";
import { ScenarioForm } from "./scenario-form";
import { useDebouncedValue } from "./use-debounced-value";
import page from "@/components/ui/page.module.css";
import styles from "./cost-page.module.css";

/** Long enough not to recompute mid-word, short enough to read as "as you type". */
const TYPING_PAUSE_MS = 250;
const DRAFT_OPTION = "draft";
const NOTICE_MS = 5000;
const TABS = [
  { id: "scenario", label: "Scenario" },
  { id: "compare", label: "Compare" },
] as const;
type TabId = (typeof TABS)[number]["id"];

interface PendingReplace {
  /** The button's word for it: "open", "load", "start". */
  verb: string;
  /** What would happen, after the verb: "Startup on two regions", "the reference scenario". */
  what: string;
  run: () => void;
}

interface PageNotice {
  tone: "ok" | "error";
  text: string;
}

function describeFailure(error: unknown): string {
  return error instanceof ApiError ? error.message : "an unexpected error";
}

/** The cost page: a scenario's form and results side by side, saved scenarios beside them, and a compare view. */
export function CostPage({ initialId }: { initialId: string | null }) {
  const queryClient = useQueryClient();
  const [editor, dispatch] = useReducer(reduceEditor, INITIAL_EDITOR);
  const [tab, setTab] = useState<TabId>("scenario");
  const [picks, setPicks] = useState<{ a: string | null; b: string | null }>({ a: null, b: null });
  const [pendingReplace, setPendingReplace] = useState<PendingReplace | null>(null);
  const [notice, setNotice] = useState<PageNotice | null>(null);
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const tabRefs = useRef<Record<TabId, HTMLButtonElement | null>>({ scenario: null, compare: null });

  const list = useQuery({ queryKey: SCENARIOS_QUERY_KEY, queryFn: ({ signal }) => fetchScenarios(signal), retry: 1 });
  const opening = useQuery({
    queryKey: createScenarioQueryKey(initialId ?? ""),
    queryFn: ({ signal }) => fetchScenario(initialId ?? "", signal),
    enabled: initialId !== null,
    retry: false,
  });

  const { draft, saved, savedScenario } = editor;
  const parsedNow = useMemo(() => (draft ? parseDraft(draft) : null), [draft]);
  const typed = useDebouncedValue({ draft, generation: editor.generation }, TYPING_PAUSE_MS);
  // A scenario just opened is shown at once; only typing waits for the pause.
  const settledDraft = typed.generation === editor.generation ? typed.draft : draft;
  const settled = useMemo(() => (settledDraft ? parseDraft(settledDraft) : null), [settledDraft]);
  const report = useMemo(() => (settled?.ok ? buildCostReport(settled.scenario) : null), [settled]);
  const [lastReport, setLastReport] = useState<CostReport | null>(null);
  if (report && report !== lastReport) setLastReport(report);
  const shownReport = report ?? (draft ? lastReport : null);

  const dirty = draft !== null && (saved === null || !parsedNow?.ok || !isStructurallyEqual(parsedNow.scenario, savedScenario));

  const open = useCallback((nextDraft: ScenarioDraft, record: SavedCostScenario | null) => {
    dispatch({ type: "open", draft: nextDraft, saved: record });
    setTab("scenario");
    setNotice(null);
  }, []);

  // A confirmation fades on its own; an error stays until dismissed.
  useEffect(() => {
    if (notice?.tone !== "ok") return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // The scenario the address names opens when its answer arrives: adjusted during render, as React
  // advises for state that follows other data, instead of an effect that renders twice.
  const [openedRecord, setOpenedRecord] = useState<SavedCostScenario | null>(null);
  if (opening.data && opening.data !== openedRecord) {
    setOpenedRecord(opening.data);
    open(createDraft(opening.data.scenario), opening.data);
  }

  // The address names the open scenario, so a reload or a shared link reopens it.
  useEffect(() => {
    const target = saved ? `/cost?id=${saved.id}` : "/cost";
    if (`${window.location.pathname}${window.location.search}` !== target) window.history.replaceState(window.history.state, "", target);
  }, [saved]);

  const replace = useCallback(
    (verb: string, what: string, run: () => void) => {
      if (dirty) setPendingReplace({ verb, what, run });
      else run();
    },
    [dirty],
  );

  const refreshList = useCallback(() => queryClient.invalidateQueries({ queryKey: SCENARIOS_QUERY_KEY }), [queryClient]);

  const save = useMutation({
    mutationFn: ({ scenario, id }: { scenario: CostScenario; id: string | null }) =>
      id ? updateScenario(id, scenario) : createScenario(scenario),
    onSuccess: (record) => {
      dispatch({ type: "saved", saved: record });
      setNotice(null);
    },
    onError: (error) => setNotice({ tone: "error", text: `Not saved: ${describeFailure(error)}` }),
    onSettled: refreshList,
  });

  const saveCopy = useMutation({
    mutationFn: (scenario: CostScenario) => createScenario({ ...scenario, name: createCopyName(scenario.name) }),
    onSuccess: (record) => {
      open(createDraft(record.scenario), record);
      setNotice({ tone: "ok", text: `Saved a copy, now open: ${record.name}` });
    },
    onError: (error) => setNotice({ tone: "error", text: `No copy saved: ${describeFailure(error)}` }),
    onSettled: refreshList,
  });

  const markBusy = (id: string, busy: boolean) =>
    setBusyIds((current) => {
      const next = new Set(current);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });

  const duplicate = useMutation({
    mutationFn: (record: SavedCostScenario) => createScenario({ ...record.scenario, name: createCopyName(record.name) }),
    onMutate: (record) => markBusy(record.id, true),
    onSuccess: (copy) => setNotice({ tone: "ok", text: `Saved a copy: ${copy.name}` }),
    onError: (error) => setNotice({ tone: "error", text: `No copy saved: ${describeFailure(error)}` }),
    onSettled: (_copy, _error, record) => {
      markBusy(record.id, false);
      return refreshList();
    },
  });

  const remove = useMutation({
    mutationFn: (record: SavedCostScenario) => deleteScenario(record.id),
    onMutate: (record) => markBusy(record.id, true),
    onSuccess: (record) => {
      dispatch({ type: "deleted", id: record.id });
      setPicks((current) => ({ a: current.a === record.id ? null : current.a, b: current.b === record.id ? null : current.b }));
      setNotice({ tone: "ok", text: `Deleted ${record.name}` });
    },
    onError: (error) => setNotice({ tone: "error", text: `Not deleted: ${describeFailure(error)}` }),
    onSettled: (_record, _error, record) => {
      markBusy(record.id, false);
      return refreshList();
    },
  });

  const blocked = !parsedNow
    ? "Open a scenario first"
    : parsedNow.ok
      ? null
      : `Fix ${parsedNow.errors.length === 1 ? "1 field" : `${parsedNow.errors.length} fields`} first`;

  function saveNow(): void {
    if (!parsedNow?.ok || save.isPending) return;
    save.mutate({ scenario: parsedNow.scenario, id: saved?.id ?? null });
  }

  function saveCopyNow(): void {
    if (!parsedNow?.ok || !saved || saveCopy.isPending) return;
    saveCopy.mutate(parsedNow.scenario);
  }

  function exportReport(format: "csv" | "json"): void {
    if (!report) return;
    const fileName = createExportFileName(report.name, format);
    if (format === "csv") downloadFile(fileName, formatCostReportCsv(report), "text/csv;charset=utf-8");
    else downloadFile(fileName, `${JSON.stringify(report, null, 2)}\n`, "application/json");
  }

  const onOpenSaved = useCallback(
    (record: SavedCostScenario) => replace("open", record.name, () => open(createDraft(record.scenario), record)),
    [replace, open],
  );
  const { mutate: duplicateRecord } = duplicate;
  const { mutate: removeRecord } = remove;
  const onDuplicate = useCallback((record: SavedCostScenario) => duplicateRecord(record), [duplicateRecord]);
  const onDelete = useCallback((record: SavedCostScenario) => removeRecord(record), [removeRecord]);
  const onCompare = useCallback(
    (record: SavedCostScenario) => {
      const other = draft ? DRAFT_OPTION : (list.data?.scenarios.find((candidate) => candidate.id !== record.id)?.id ?? null);
      setPicks({ a: other, b: record.id });
      setTab("compare");
    },
    [draft, list.data],
  );
  const { refetch: refetchList } = list;
  const onRetryList = useCallback(() => void refetchList(), [refetchList]);
  const editDraft = useCallback((update: (current: ScenarioDraft) => ScenarioDraft) => dispatch({ type: "edit", update }), []);

  const compareOptions = useMemo((): CompareOption[] => {
    const savedOptions = (list.data?.scenarios ?? []).map((record) => ({
      id: record.id,
      label: record.name,
      report: buildCostReport(record.scenario),
    }));
    return shownReport
      ? [{ id: DRAFT_OPTION, label: `In the editor: ${shownReport.name}`, report: shownReport }, ...savedOptions]
      : savedOptions;
  }, [list.data, shownReport]);

  function pickTab(next: TabId): void {
    setTab(next);
    if (next === "compare" && picks.a === null && picks.b === null) {
      const first = compareOptions[0]?.id ?? null;
      setPicks({ a: first, b: compareOptions.find((option) => option.id !== first)?.id ?? null });
    }
  }

  function moveBetweenTabs(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const next = tab === "scenario" ? "compare" : "scenario";
    pickTab(next);
    tabRefs.current[next]?.focus();
  }

  function onPageKey(event: KeyboardEvent<HTMLDivElement>): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      saveNow();
    }
  }

  const status: SaveStatus | null = !draft
    ? null
    : save.isPending
      ? { kind: "saving" }
      : saved === null
        ? { kind: "new" }
        : dirty
          ? { kind: "unsaved" }
          : { kind: "saved", at: saved.updatedAt };

  const fieldErrors = useMemo(() => (settled && !settled.ok ? settled.errors : []), [settled]);
  const nameError = fieldErrors.find((error) => error.path === "name")?.message;
  const loadingInitial = initialId !== null && opening.isPending && !draft;

  return (
    <div className={page.page} onKeyDown={onPageKey}>
      <header className={page.header}>
        <Brand tag="cost" />
        <SiteNav current="cost" />
        <p className={page.headerNote}>
          What the platform costs a month, what it would cost if, and what to change · amounts in ₹, SPEC §6
        </p>
        <UserMenu />
      </header>
      <main className={page.main}>
        <CostToolbar
          name={draft ? draft.name : null}
          nameError={nameError}
          status={status}
          blocked={blocked}
          canSaveCopy={saved !== null}
          onName={(name) => editDraft((current) => ({ ...current, name }))}
          onReference={() => replace("load", "the reference scenario", () => open(createDraft(REFERENCE_COST_SCENARIO), null))}
          onBlank={() => replace("start", "a blank scenario", () => open(createBlankDraft(), null))}
          onSave={saveNow}
          onSaveCopy={saveCopyNow}
          onExport={exportReport}
        />

        <div className={styles.notices} aria-live="polite">
          {pendingReplace ? (
            <Notice tone="warning" testId="discard-notice">
              <p>
                The scenario in the editor has unsaved changes. Discard them and {pendingReplace.verb} {pendingReplace.what}?
              </p>
              <Button
                variant="danger"
                size="small"
                onClick={() => {
                  pendingReplace.run();
                  setPendingReplace(null);
                }}
              >
                Discard and {pendingReplace.verb}
              </Button>
              <Button size="small" onClick={() => setPendingReplace(null)}>
                Keep editing
              </Button>
            </Notice>
          ) : null}
          {notice ? (
            <Notice tone={notice.tone} testId="cost-notice" role={notice.tone === "error" ? "alert" : undefined}>
              <p>{notice.text}</p>
              <Button size="small" onClick={() => setNotice(null)} aria-label="Dismiss">
                ×
              </Button>
            </Notice>
          ) : null}
          {opening.isError ? (
            <Notice tone="error" role="alert">
              <p>Could not open the scenario in the address: {describeFailure(opening.error)}</p>
            </Notice>
          ) : null}
        </div>

        <div className={styles.tabs} role="tablist" aria-label="Cost views" onKeyDown={moveBetweenTabs}>
          {TABS.map((entry) => (
            <button
              key={entry.id}
              ref={(node) => {
                tabRefs.current[entry.id] = node;
              }}
              type="button"
              role="tab"
              id={`cost-tab-${entry.id}`}
              aria-controls={`cost-panel-${entry.id}`}
              aria-selected={tab === entry.id}
              tabIndex={tab === entry.id ? 0 : -1}
              className={styles.tab}
              data-testid={`tab-${entry.id}`}
              onClick={() => pickTab(entry.id)}
            >
              {entry.label}
            </button>
          ))}
        </div>

        <div className={styles.workspace}>
          <div role="tabpanel" id={`cost-panel-${tab}`} aria-labelledby={`cost-tab-${tab}`} className={styles.tabPanel}>
            {tab === "compare" ? (
              <CompareView
                options={compareOptions}
                a={picks.a}
                b={picks.b}
                onPick={(side, id) => setPicks((current) => ({ ...current, [side]: id }))}
              />
            ) : loadingInitial ? (
              <div className={styles.editor} aria-busy="true">
                <div className={styles.loadingColumn}>
                  <Skeleton block />
                </div>
                <div className={styles.loadingColumn}>
                  <Skeleton block />
                </div>
              </div>
            ) : draft ? (
              <div className={styles.editor}>
                <ScenarioForm draft={draft} errors={fieldErrors} report={shownReport} stale={report === null} onChange={editDraft} />
                <div className={styles.resultsColumn}>
                  <ErrorSummary errors={fieldErrors} draft={draft} />
                  {shownReport ? (
                    <CostResults report={shownReport} stale={report === null} />
                  ) : (
                    <div className={styles.loadingColumn}>
                      <Skeleton block />
                    </div>
                  )}
                </div>
              </div>
            ) : (
              <div className={styles.start} data-testid="cost-start">
                <h2 className={styles.startTitle}>Start a cost scenario</h2>
                <p className={styles.startDetail}>
                  Price a month of compute, storage, network and Kafka per region, see what dynamic scaling, regional placement, storage
                  tiering and compression would save, and what a failover would cost.
                </p>
                <div className={styles.startChoices}>
                  <button type="button" className={styles.startChoice} onClick={() => open(createDraft(REFERENCE_COST_SCENARIO), null)}>
                    <strong>Startup on two regions</strong>
                    <span>
                      The spec&apos;s reference: Mumbai 5 instances, 500 GB, 1,000 GB, 20 partitions; Bangalore 3, 300 GB, 600 GB, 12.
                    </span>
                  </button>
                  <button type="button" className={styles.startChoice} onClick={() => open(createBlankDraft(), null)}>
                    <strong>Blank scenario</strong>
                    <span>One region with two instances; add regions and fill in what they run.</span>
                  </button>
                </div>
                <p className={styles.startDetail}>Or open a saved scenario from the list.</p>
              </div>
            )}
          </div>
          <SavedScenarios
            scenarios={list.data?.scenarios ?? null}
            problem={list.isError ? describeFailure(list.error) : null}
            openId={saved?.id ?? null}
            busyIds={busyIds}
            onOpen={onOpenSaved}
            onDuplicate={onDuplicate}
            onCompare={onCompare}
            onDelete={onDelete}
            onRetry={onRetryList}
          />
        </div>
      </main>
    </div>
  );
}
