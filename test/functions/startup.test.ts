/* Start-up order in a shared runtime: Excel may calculate the functions before anything has read
 * the workbook's saved reference rate. The functions then wait for it (reading it themselves
 * through a request context) rather than answer with a default. */
import { fxRateFunction, usdToKrwFunction } from "../../src/functions/functions";
import { restoreSavedReference } from "../../src/functions/startup";
import { REFERENCE_SETTING, markReferenceKnown, referenceKnown, resetShared, setReferenceChoice } from "../../src/shared/reference-rate";

/** A request context whose settings hold `stored` under the reference key (or fail to sync). */
function contextWith(stored: string | null, fail = 0): { make: () => Excel.RequestContext; syncs: () => number } {
  let syncs = 0;
  const make = () => {
    const item = { isNullObject: stored === null, value: stored, load: () => item };
    return {
      workbook: { settings: { getItemOrNullObject: (key: string) => (key === REFERENCE_SETTING ? item : { isNullObject: true, load: () => undefined }) } },
      sync: async () => {
        syncs++;
        if (syncs <= fail) throw new Error("the workbook is busy");
      },
    } as unknown as Excel.RequestContext;
  };
  return { make, syncs: () => syncs };
}

afterEach(() => {
  resetShared();
  markReferenceKnown();
});

describe("functions calculated before the workbook's rate is known", () => {
  beforeEach(() => resetShared());

  it("wait, then answer with the saved rate, not the default", async () => {
    expect(referenceKnown()).toBe(false);
    const pending = usdToKrwFunction([[100]]);
    expect(pending).toBeInstanceOf(Promise);
    await restoreSavedReference(contextWith('{"kind":"manual","rate":1300}').make);
    await expect(pending).resolves.toEqual([[130_000]]);
  });

  it("answer at once when the rate is given: nothing depends on the workbook", () => {
    expect(usdToKrwFunction([[100]], 1320)).toEqual([[132_000]]);
    expect(fxRateFunction([["2023-06-15"]])).toEqual([[1282.56]]);
  });

  it("take the pane's choice if the pane read the workbook first", async () => {
    const pending = fxRateFunction();
    setReferenceChoice({ kind: "latest", day: "2024-06-28" });
    const functionsRead = contextWith('{"kind":"manual","rate":1}');
    await restoreSavedReference(functionsRead.make);
    expect(functionsRead.syncs()).toBe(0);
    await expect(pending).resolves.toEqual([[1377.73]]);
  });

  it("use the latest rate when the workbook saved none", async () => {
    const pending = fxRateFunction();
    await restoreSavedReference(contextWith(null).make);
    await expect(pending).resolves.toEqual([[1489.95]]);
  });

  it("retry a failed read, and go on after three failures rather than wait for ever", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const once = contextWith('{"kind":"manual","rate":1200}', 1);
    const first = usdToKrwFunction([[1]]);
    await restoreSavedReference(once.make);
    await expect(first).resolves.toEqual([[1200]]);
    resetShared();
    const second = usdToKrwFunction([[1]]);
    await restoreSavedReference(contextWith('{"kind":"manual","rate":1200}', 3).make);
    await expect(second).resolves.toEqual([[1490]]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not be read/));
    warn.mockRestore();
  });
});
