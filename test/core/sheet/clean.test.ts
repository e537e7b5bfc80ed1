import { planClean, currencyOfFormat } from "../../../src/core/sheet/clean";
import { unescapeCellText } from "../../../src/core/sheet/escape";

/** A row as the sheet shows it (text cells written with Excel's quote prefix where they need one). */
const shown = (row: unknown[]) => row.map((v) => (typeof v === "string" ? unescapeCellText(v) : v));

describe("planClean", () => {
  describe("reads pasted amounts into USD and KRW at one rate", () => {
    it.each([
      ["30억 달러(약 3조9600억 원)", 3000000000, 3960000000000],
      ["$3B", 3000000000, 3960000000000],
      ["5,803억원", 439621212.12, 580300000000],
      ["US$130 billion", 130000000000, 171600000000000],
    ])("%s → %d USD, %d KRW", (text, usd, krw) => {
      const plan = planClean([[text]], [["General"]], 1320, "en");
      expect(plan.values[0].slice(0, 2)).toEqual([usd, krw]);
      expect(plan.read).toBe(1);
    });
  });

  it("formats whole amounts exactly and cents where there are cents", () => {
    const plan = planClean([["$3B"], ["5,803억원"]], [["General"], ["General"]], 1320, "en");
    expect(plan.formats[0].slice(0, 2)).toEqual(["$#,##0", '"₩"#,##0']);
    expect(plan.formats[1].slice(0, 2)).toEqual(["$#,##0.00", '"₩"#,##0']);
  });

  it("notes approximate amounts and the rate used", () => {
    const plan = planClean([["약 3조9600억 원"]], [["General"]], 1320, "en");
    expect(plan.values[0][2]).toBe("approximate; at 1,320 KRW per USD");
  });

  describe("marks what it cannot read, with the reason, never a number", () => {
    it.each([
      ["35억~45억달러", "range of amounts"],
      ["최대 85억달러", "bound"],
      ["3,000", "no currency"],
      ["hello 3", "not an amount"],
      ["$1e400", "too large for Excel"],
    ])("%s", (text, reason) => {
      const plan = planClean([[text]], [["General"]], 1320, "en");
      expect(plan.values[0][0]).toBe("");
      expect(plan.values[0][1]).toBe("");
      expect(String(plan.values[0][2])).toMatch(/^⚠ not read: /);
      expect(String(plan.values[0][2])).toContain(reason);
      expect(plan.unreadRows).toEqual([0]);
    });

    it("in Korean", () => {
      const plan = planClean([["3,000"]], [["General"]], 1320, "ko");
      expect(plan.values[0][2]).toBe("⚠ 읽지 못함: '3,000'에 통화($, 원, USD, KRW…)가 없습니다. 창에서 통화를 고르거나 (단위: 억원) 같은 단위 표시를 넣으세요");
    });
  });

  it("reads numbers in the currency their format shows", () => {
    const plan = planClean([[3000], [1320], [5]], [["$#,##0"], ["₩#,##0"], ["0"]], 1320, "en");
    expect(plan.values[0].slice(0, 2)).toEqual([3000, 3960000]);
    expect(plan.values[1].slice(0, 2)).toEqual([1, 1320]);
    expect(plan.unreadRows).toEqual([2]);
  });

  it("formats won with decimals as Excel documents it, the ₩ in quotes", () => {
    const plan = planClean([["1,234.5원"]], [["General"]], 1320, "en");
    expect(plan.values[0][1]).toBe(1234.5);
    expect(plan.formats[0][1]).toBe('"₩"#,##0.00');
  });

  it("treats a first cell with no digit as a header and writes headers beside it", () => {
    const plan = planClean([["Amount"], ["$3B"]], [["General"], ["General"]], 1320, "en");
    expect(plan.headerRow).toBe(0);
    expect(plan.values[0]).toEqual(["USD", "KRW", "AIFIN note"]);
    expect(plan.read).toBe(1);
  });

  it("leaves blank cells blank and does not count them", () => {
    const plan = planClean([["$3B"], [""], ["5,803억원"]], [["General"], ["General"], ["General"]], 1320, "en");
    expect(plan.values[1]).toEqual(["", "", ""]);
    expect(plan).toMatchObject({ read: 2, unread: 0 });
  });
});

describe("planClean on statement tables", () => {
  const general = (rows: unknown[][]) => rows.map((r) => r.map(() => "General"));
  const clean = (rows: unknown[][], options?: Parameters<typeof planClean>[4], rate = 1320) => planClean(rows, general(rows), rate, "en", options);

  describe("reads plain numbers under the unit a caption in the selection states", () => {
    it.each([
      ["5803", 580300000000],
      ["1,234", 123400000000],
      ["(4,000)", -400000000000],
      ["△4,000", -400000000000],
      ["\u22124,000", -400000000000],
      ["-4,000", -400000000000],
      [5803, 580300000000],
      [-4000, -400000000000],
      ["0.5", 50000000],
    ])("(단위: 억원) over %p is %d KRW", (cell, krw) => {
      const plan = clean([["(단위: 억원)"], [cell]]);
      expect(plan.captionRows).toEqual([0]);
      expect(plan.values[1][1]).toBe(krw);
      expect(plan.read).toBe(1);
    });

    it("converts them to USD at the rate and leaves the caption row blank beside", () => {
      const plan = clean([["(단위: 억원)"], ["5,803"]]);
      expect(plan.values[0]).toEqual(["", "", ""]);
      expect(plan.values[1]).toEqual([439621212.12, 580300000000, "at 1,320 KRW per USD"]);
      expect(plan.caption).toMatchObject({ power: 8, currency: "KRW", row: 0, column: 0, text: "(단위: 억원)" });
    });

    it.each([
      ["(단위: 백만원)", "1,234", 1234000000, "KRW"],
      ["단위: 천원", "1,234", 1234000, "KRW"],
      ["(US$ in millions)", "1,234", 1234000000, "USD"],
      ["($ in billions)", "(12.5)", -12500000000, "USD"],
      ["KRW bn", "1,234", 1234000000000, "KRW"],
    ])("%s over %s is %d %s", (caption, cell, amount, currency) => {
      const plan = clean([[caption], [cell]]);
      expect(plan.values[1][currency === "USD" ? 0 : 1]).toBe(amount);
    });

    it("reads text that states its own unit as written, not under the caption", () => {
      const plan = clean([["(단위: 억원)"], ["30억 달러"], ["5,803억원"]]);
      expect(plan.values[1].slice(0, 2)).toEqual([3000000000, 3960000000000]);
      expect(plan.values[2][1]).toBe(580300000000);
    });

    it("refuses digits whose own currency contradicts the caption, with the reason", () => {
      const plan = clean([["(단위: 억원)"], ["$5,803"]]);
      expect(plan.values[1][2]).toBe("⚠ not read: '$5,803' is in USD, but the unit header says 억원 (10^8 KRW)");
      expect(plan.unreadRows).toEqual([1]);
    });
  });

  describe("takes the unit from above the selection, a column title or the pane", () => {
    it("applies a caption found above the selection", () => {
      const plan = clean([["5,803"]], { above: { power: 8, currency: "KRW", row: 0, column: 3, text: "(단위: 억원)" } });
      expect(plan.values[0][1]).toBe(580300000000);
      expect(plan.caption).toBeNull();
    });

    it("says which cells lack only a currency when the caption names none, and reads them with the pane's currency", () => {
      const rows = [["(In millions)"], ["1,234"], ["(56)"]];
      const without = clean(rows);
      expect(without).toMatchObject({ read: 0, unread: 2, noCurrency: 2 });
      const chosen = clean(rows, { chosen: { power: null, currency: "USD" } });
      expect(chosen.values.slice(1).map((r) => r[0])).toEqual([1234000000, -56000000]);
    });

    it("lets the pane's unit win over the headers", () => {
      const plan = clean([["(단위: 억원)"], ["5,803"]], { chosen: { power: 6, currency: null } });
      expect(plan.values[1][1]).toBe(5803000000);
    });

    it("reads a column title's unit: 매출액(억원)", () => {
      const plan = clean([["매출액(억원)"], ["5,803"]]);
      expect(plan.headerRow).toBe(0);
      expect(plan.values[1][1]).toBe(580300000000);
    });

    it("reads numbers in the currency of their format when the caption names none", () => {
      const plan = planClean([["(In millions)"], [12]], [["General"], ["$#,##0"]], 1320, "en");
      expect(plan.values[1][0]).toBe(12000000);
    });
  });

  describe("cleans each amount column of a several-column selection and leaves labels alone", () => {
    const statement = [
      ["(단위: 백만원)", "", ""],
      ["구분", 2023, 2024],
      ["매출액", "5,803", "6,100"],
      ["영업이익", "(400)", "△200"],
    ];

    it("tells the label column from the amount columns, and the header row from the figures", () => {
      const plan = clean(statement);
      expect(plan).toMatchObject({ captionRows: [0], headerRow: 1, amountColumns: [1, 2], labelColumns: [0], read: 4, unread: 0 });
      expect(plan.columns.map((c) => c.kind)).toEqual(["usd", "krw", "usd", "krw", "note"]);
    });

    it("writes each amount column's USD and KRW side by side, headed by its title", () => {
      const plan = clean(statement);
      expect(shown(plan.values[1])).toEqual(["2023 USD", "2023 KRW", "2024 USD", "2024 KRW", "AIFIN note"]);
      expect(plan.values[2].slice(0, 4)).toEqual([4396212.12, 5803000000, 4621212.12, 6100000000]);
      expect(plan.values[3].slice(0, 4)).toEqual([-303030.3, -400000000, -151515.15, -200000000]);
    });

    it("takes a row of consecutive years over a blank corner as the header, and amounts in years' range as amounts", () => {
      const plan = clean([
        ["(단위: 억원)", "", ""],
        ["", 2023, 2024],
        ["매출액", 2050, 2100],
      ]);
      expect(plan).toMatchObject({ headerRow: 1, amountColumns: [1, 2], labelColumns: [0] });
      expect(plan.values[2].slice(0, 4)).toEqual([155303030.3, 205000000000, 159090909.09, 210000000000]);
    });

    it("reads a first row of figures that only look like years as figures", () => {
      const plan = clean([
        [2050, 2031],
        [5803, 6100],
      ], { chosen: { power: 8, currency: "KRW" } });
      expect(plan.headerRow).toBe(-1);
      expect(plan.read).toBe(4);
    });

    it("names columns by their letters when there is no header row", () => {
      const plan = clean([["$3B", "$4B"]], { columnNames: ["B", "C"] });
      expect(plan.headerRow).toBe(-1);
      expect(plan.values[0].slice(0, 4)).toEqual([3000000000, 3960000000000, 4000000000, 5280000000000]);
    });

    it("leaves a Year column alone", () => {
      const plan = clean([
        ["Company", "Year", "Capex"],
        ["Microsoft", 2024, "$44.48B"],
        ["Alphabet", 2023, "$32.25B"],
      ]);
      expect(plan).toMatchObject({ amountColumns: [2], labelColumns: [0, 1], headerRow: 0 });
      expect(plan.values[0]).toEqual(["USD", "KRW", "AIFIN note"]);
    });

    it("prefixes each column's notes with its title", () => {
      const plan = clean([["구분", "2023", "2024"], ["매출", "약 30억 달러", "35억~45억달러"]]);
      expect(shown(plan.values[1])[4]).toBe("2023: approximate; 2024: ⚠ not read: '35억~45억달러' is a range of amounts, not one amount: type a single figure; at 1,320 KRW per USD");
    });
  });

  describe("writes the other currency's published figure too", () => {
    it("adds a Published KRW column and flags a difference of more than 1% from the conversion", () => {
      const plan = clean([["Amount"], ["30억 달러(약 3조9600억 원)"]], undefined, 1398.75);
      expect(plan.columns.map((c) => c.kind)).toEqual(["usd", "krw", "published", "note"]);
      expect(plan.values[0]).toEqual(["USD", "KRW", "Published KRW", "AIFIN note"]);
      expect(plan.values[1].slice(0, 3)).toEqual([3000000000, 4196250000000, 3960000000000]);
      expect(plan.values[1][3]).toBe("the published KRW figure, ₩3,960,000,000,000, differs from the conversion by 6%; at 1,398.75 KRW per USD");
      expect(plan).toMatchObject({ published: 1, differing: 1 });
      expect(plan.formats[1][2]).toBe('"₩"#,##0');
    });

    it("says nothing more when the published figure is within 1% of the conversion", () => {
      // 3.96조 at 1,320: the same; 3.99조 is 0.75% off; 4조 exactly 1% (not more); 4.1조 3.4%.
      const plan = clean([["30억 달러(약 3조9600억 원)"], ["30억 달러(약 3조9900억 원)"], ["30억 달러(약 4조 원)"], ["30억 달러(약 4조1000억 원)"]], undefined, 1320);
      expect(plan.values.map((r) => r[3])).toEqual([
        "at 1,320 KRW per USD",
        "at 1,320 KRW per USD",
        "at 1,320 KRW per USD",
        "the published KRW figure, ₩4,100,000,000,000, differs from the conversion by 3.4%; at 1,320 KRW per USD",
      ]);
      expect(plan).toMatchObject({ published: 4, differing: 1 });
    });

    it("publishes USD for won text that gives dollars too", () => {
      const plan = clean([["5조원(약 37억 달러)"]], undefined, 1320);
      expect(plan.values[0].slice(0, 3)).toEqual([3787878787.88, 5000000000000, 3700000000]);
      expect(plan.values[0][3]).toBe("the published USD figure, $3,700,000,000, differs from the conversion by 2.4%; at 1,320 KRW per USD");
      expect(plan.formats[0][2]).toBe("$#,##0");
      expect(plan.values.length).toBe(1);
    });

    it("writes no published column when no text holds both currencies", () => {
      expect(clean([["$3B"]]).columns.map((c) => c.kind)).toEqual(["usd", "krw", "note"]);
    });
  });
});

describe("currencyOfFormat", () => {
  it.each([
    ["$#,##0", "USD"],
    ['"$"#,##0.00', "USD"],
    ["₩#,##0", "KRW"],
    ["[$₩-412]#,##0", "KRW"],
    ['#,##0"원"', "KRW"],
    ["General", null],
    [5, null],
  ])("%s → %s", (format, currency) => {
    expect(currencyOfFormat(format)).toBe(currency);
  });
});
