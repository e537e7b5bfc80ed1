import { isoDateToSerial } from "../../../src/core/sheet/dates";
import { excelSerialToDate } from "../../../src/core/fx/period";

describe("isoDateToSerial", () => {
  it.each([
    ["1900-03-01", 61],
    ["2024-08-01", 45505],
    ["2024-12-31", 45657],
    ["9999-12-31", 2958465],
  ])("%s → %d", (iso, serial) => {
    expect(isoDateToSerial(iso)).toBe(serial);
  });

  it.each(["2024-02-30", "2024-13-01", "24-01-01", "1900-02-28", "not a date", ""])("refuses %s", (iso) => {
    expect(isoDateToSerial(iso)).toBeNull();
  });

  it("is the inverse of the period reader's excelSerialToDate", () => {
    for (const serial of [61, 366, 45505, 45657, 50000]) {
      const d = excelSerialToDate(serial);
      const iso = `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
      expect(isoDateToSerial(iso)).toBe(serial);
    }
  });
});
