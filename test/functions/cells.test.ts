/* What reaches the functions from Excel's cells, as functions.json sets it up
 * (allowErrorForDataTypeAny and allowCustomDataForDataTypeAny, build/functions-json.cjs): error cells
 * of a range arrive as CustomFunctions.Error and stay in their own result cell; data-type cells
 * arrive as objects (Excel.CellValue) and are read by their basic value, or refused with the reason. */
import { basicValue } from "../../src/functions/cells";
import { aiSourceFunction, aiSpendFunction, fxRateFunction, krwParseFunction, netLossFunction, usdToKrwFunction } from "../../src/functions/functions";
import { MESSAGES } from "../../src/core/messages";
import { excel } from "./shown";

const na = () => new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
const dataTypeRefusal = (text: string) => `#VALUE!: ${MESSAGES.dataTypeCell.en.replace("{text}", text)}`;

/** Data-type cells as Excel passes them with allowCustomDataForDataTypeAny (shapes of @types/office-js Excel.CellValue). */
const CELLS = {
  formattedNumber: { type: "FormattedNumber", basicValue: 1.15, basicType: "Double", numberFormat: "$0.00" },
  double: { type: "Double", basicValue: 3e9, basicType: "Double" },
  string: { type: "String", basicValue: "30억 달러", basicType: "String" },
  empty: { type: "Empty", basicValue: "", basicType: "Empty" },
  divError: { type: "Error", basicValue: "#DIV/0!", basicType: "Error", errorType: "Div0" },
  entity: { type: "Entity", text: "Microsoft", basicValue: "#VALUE!", basicType: "Error", properties: { Price: { type: "Double", basicValue: 410.5 } } },
  stock: { type: "LinkedEntity", text: "MSFT", basicValue: "#VALUE!", basicType: "Error", id: { serviceId: 268435456, culture: "en-US", domainId: "Stocks", entityId: "xyz" } },
  image: { type: "WebImage", address: "https://example.com/chart.png", basicValue: "#VALUE!", basicType: "Error" },
};

describe("error cells in a range argument", () => {
  it("error alone in their own result cell; the other cells convert", () => {
    const error = na();
    const out = usdToKrwFunction([[1], [error], [2]] as never, 1320) as unknown as unknown[][];
    expect(out[0][0]).toBe(1320);
    expect(out[1][0]).toBe(error); // passed on as it is: Excel shows #N/A there
    expect(out[2][0]).toBe(2640);
  });

  it("an error given to a lookup's argument (typed any) is passed on as it is, as Excel does for a typed one", () => {
    expect(excel(() => aiSpendFunction(na()))).toBe("#N/A");
    expect(excel(() => aiSpendFunction("Microsoft", "capex", new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidReference)))).toBe("#REF!");
    expect(excel(() => aiSourceFunction("Microsoft", [[na()]] as never))).toBe("#N/A");
  });

  it("an error alone (one cell) is thrown, as Excel's own functions pass it on", () => {
    expect(excel(() => krwParseFunction([[na()]] as never))).toBe("#N/A");
  });

  it("pair up in NET_LOSS like any cell: the error where the pair has one, blank where a figure is missing", () => {
    expect(excel(() => netLossFunction([[1], [na()], [3], [na()]] as never, [[5], [5], [5], [null]] as never))).toEqual([[4], ["#N/A"], [2], [""]]);
  });
});

describe("data-type cells (Stocks, entities, formatted numbers) in a range argument", () => {
  it.each([
    ["a formatted number, by its number", CELLS.formattedNumber, 1507],
    ["a number data type", CELLS.double, 3_930_000_000_000],
    ["a text data type, read as pasted text", CELLS.string, 3_930_000_000_000],
    ["an empty data type, as a blank", CELLS.empty, ""],
    ["an error data type, as its error", CELLS.divError, "#DIV/0!"],
    ["a Geography or other entity, refused with the reason", CELLS.entity, dataTypeRefusal("Microsoft")],
    ["a Stocks cell, refused with the reason", CELLS.stock, dataTypeRefusal("MSFT")],
    ["an image, refused with the reason", CELLS.image, dataTypeRefusal("WebImage")],
  ])("%s", (_, cell, expected) => {
    const out = excel(() => usdToKrwFunction([[cell], [2]] as never, 1310)) as unknown[][];
    expect(out[0][0]).toEqual(expected);
    expect(out[1][0]).toBe(2620); // the other cell is untouched by the first
  });

  it("a single data-type cell is read or refused the same way", () => {
    expect(excel(() => usdToKrwFunction([[CELLS.formattedNumber]] as never, 1310))).toEqual([[1507]]);
    expect(excel(() => usdToKrwFunction([[CELLS.stock]] as never, 1310))).toBe(dataTypeRefusal("MSFT"));
  });

  it("FX_RATE's period reads a formatted date cell by its serial, and refuses an entity or passes on an error", () => {
    const date = { type: "FormattedNumber", basicValue: 45657, numberFormat: "yyyy-mm-dd" };
    const bySerial = excel(() => fxRateFunction([[45657]])) as unknown[][];
    expect(typeof bySerial[0][0]).toBe("number");
    expect(excel(() => fxRateFunction([[date]] as never))).toEqual(bySerial);
    expect(excel(() => fxRateFunction([[CELLS.entity]] as never))).toBe(dataTypeRefusal("Microsoft"));
    expect(excel(() => fxRateFunction([[na()]] as never))).toBe("#N/A");
  });
});

describe("basicValue", () => {
  it("gives a CustomFunctions.Error passed in back as it is", () => {
    const error = na();
    expect(basicValue(error)).toBe(error);
  });

  it("refuses an object that is no data type Excel knows, never reading it as 0", () => {
    expect(() => basicValue({})).toThrow(expect.objectContaining({ key: "dataTypeCell" }));
    expect(() => basicValue({ type: "Double", basicValue: { nested: 1 } })).toThrow(expect.objectContaining({ key: "dataTypeCell" }));
  });
});
