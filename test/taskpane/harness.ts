/* The pane's actions wired to a simulated workbook and an in-memory feed, reached through the real
 * pane's httpFeed (deadline and size cap included) over FakeFeed.fetch, with its manual clock. */
import { allDatasets } from "../../src/core/data/catalog";
import { loadSelected, start, type Deps } from "../../src/taskpane/actions";
import { httpFeed } from "../../src/taskpane/feed-http";
import { t } from "../../src/taskpane/i18n";
import { initialState, reduce, type State } from "../../src/taskpane/state";
import type { PackedRates } from "../../src/core/fx/ecb";
import { setSharedRates, type ReferenceChoice } from "../../src/shared/reference-rate";
import { fakeExcel, WorkbookModel, type Fault, type FakeExcel } from "./fake-excel";
import { FakeFeed, PAGE, sha256 } from "./fake-feed";
import { FIXTURE } from "./fixture";

export interface Harness {
  readonly model: WorkbookModel;
  readonly feed: FakeFeed;
  readonly deps: Deps;
  /** context.sync calls of each Excel.run, in order. */
  readonly runs: number[];
  readonly choices: Array<ReferenceChoice | null>;
  /** ECB rates files the pane installed from the feed, in order (also put in the shared slot, as the entry does: call resetShared() after). */
  readonly rates: PackedRates[];
  /** The listener the pane registered for the functions' first use of the latest rate. */
  latestListener: ((day: string) => void) | null;
  /** Faults for the next Excel.run (armed on its log). */
  readonly faults: Fault[];
  /** The fake of the last Excel.run. */
  last: FakeExcel | null;
  readonly state: State;
  /** The status lines, rendered in the pane's language. */
  status(): string[];
  /** The status lines' keys. */
  keys(): string[];
}

/** The origins the page's Content-Security-Policy allows feeds from, as a build made with AIFIN_FEED_URL=https://data.example.com/aifin/ has them. */
const FEED_ORIGINS = ["https://addin.example.com", "https://data.example.com"];

/** A pane over a new (or given) workbook and feed; `feedOrigins` as the page's policy allows (FEED_ORIGINS by default). */
export function harness(options: { model?: WorkbookModel; feed?: FakeFeed; feedOrigins?: readonly string[] } = {}): Harness {
  const model = options.model ?? new WorkbookModel();
  const feed = options.feed ?? new FakeFeed();
  let state: State = initialState("en", options.feedOrigins ?? FEED_ORIGINS);
  const runs: number[] = [];
  const faults: Fault[] = [];
  const h: Harness = {
    model,
    feed,
    runs,
    choices: [],
    rates: [],
    latestListener: null,
    faults,
    last: null,
    get state() {
      return state;
    },
    status: () => (state.status?.lines ?? []).map((l) => t(l.key, state.lang, l.params)),
    keys: () => (state.status?.lines ?? []).map((l) => l.key),
    deps: {
      excel: async (action) => {
        const fake = fakeExcel(model);
        for (const f of faults.splice(0)) fake.log.fail(f);
        h.last = fake;
        try {
          return await action(fake.context);
        } finally {
          runs.push(fake.log.syncs);
        }
      },
      io: httpFeed({ fetch: feed.fetch, timer: feed.clock.timer, sha256: async (bytes) => sha256(bytes) }),
      now: () => "2025-03-01T10:00:00.000Z",
      pageUrl: PAGE,
      setReferenceChoice: (c) => h.choices.push(c),
      setRates: (r) => {
        h.rates.push(r);
        setSharedRates(r);
      },
      onLatestUsed: (l) => {
        h.latestListener = l;
      },
      embedded: allDatasets,
      dispatch: (event) => {
        state = reduce(state, event);
      },
      state: () => state,
    },
  };
  return h;
}

/**
 * A pane started in Excel over a feed of the fixture and the shipped datasets, with the fixture
 * loaded into a new sheet (its table AIFIN_fixture_figures).
 * @param displayLanguage - Office's display language ("en-US", "ko-KR")
 */
export async function loadedPane(displayLanguage = "en-US"): Promise<Harness> {
  const h = harness();
  h.feed.publish([FIXTURE, ...allDatasets()]);
  await start(h.deps, displayLanguage, true);
  h.deps.dispatch({ type: "select", id: FIXTURE.meta.id });
  await loadSelected(h.deps);
  return h;
}
