/* The Excel side the fuzz specs call through (excel-host.ts): the rule of the metadata that ships,
 * which errors and data types reach which arguments. */
import { ExcelHost, excelHost, shownByExcel } from "./excel-host";

let host: ExcelHost;
beforeAll(async () => {
  host = await excelHost();
});

const na = () => new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
const entity = { type: "Entity", text: "Microsoft", basicValue: "#VALUE!", basicType: "Error" };
const formatted = { type: "FormattedNumber", basicValue: 1320, basicType: "Double", numberFormat: "#,##0" };

/** What the function received, or what Excel showed instead of calling it. */
function received(id: string, args: unknown[], h: ExcelHost = host): unknown {
  const call = h.call(id, (...got: unknown[]) => ({ called: got }), args);
  try {
    return call();
  } catch (error) {
    expect(shownByExcel(error)).toBe(true);
    return { shown: (error as { code: string }).code };
  }
}

describe("the Excel host of the fuzz specs", () => {
  it("uses the metadata the build ships: errors and data types reach `any` arguments", () => {
    expect(host.metadata).toMatchObject({ allowErrorForDataTypeAny: true, allowCustomDataForDataTypeAny: true });
  });

  it("passes an error cell of a range argument (any[][]) to the function", () => {
    const error = na();
    expect(received("USD_TO_KRW", [[[1], [error]], 1320])).toEqual({ called: [[[1], [error]], 1320] });
  });

  it("shows an error given to a typed argument without calling the function", () => {
    expect(received("USD_TO_KRW", [[[1]], na()])).toEqual({ shown: "#N/A" });
    expect(received("KRW_FORMAT", [[[1]], { type: "Error", basicValue: "#REF!" }])).toEqual({ shown: "#REF!" });
  });

  it("passes a data type to an `any` argument as the object, to a typed one as its basic value (an entity: #VALUE!)", () => {
    expect(received("FX_RATE", [formatted])).toEqual({ called: [formatted] });
    expect(received("USD_TO_KRW", [[[1]], formatted])).toEqual({ called: [[[1]], 1320] });
    expect(received("KRW_FORMAT", [[[1]], entity])).toEqual({ shown: "#VALUE!" });
    // AI_SPEND's arguments are `any` (they are read whatever their type): the entity reaches it.
    expect(received("AI_SPEND", [entity])).toEqual({ called: [entity] });
  });

  it("without allowErrorForDataTypeAny, shows the first error of a range and calls nothing (the rule it replaces)", () => {
    const { allowErrorForDataTypeAny: _, ...rest } = host.metadata;
    const strict = new ExcelHost(rest);
    expect(received("USD_TO_KRW", [[[1], [{ type: "Error", basicValue: "#DIV/0!" }], [na()]], 1320], strict)).toEqual({ shown: "#DIV/0!" });
  });
});
