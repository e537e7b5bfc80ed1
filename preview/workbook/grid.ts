/* The spreadsheet a person uses: a role="grid" of cells labelled by address ("A1"), a name box
 * and a formula bar, sheet tabs, a status line. Keyboard and mouse as in Excel: click or arrows to
 * select (Shift to extend), type to enter (Enter/Tab commit, Escape cancels), F2 or double-click to
 * edit, Delete to clear, paste plain text. Rows render in a window around the scroll position. */
import { cellAddress, columnLetters, parseAddress, rectAddress, type CellRect } from "../engine/addresses";
import type { ChartInfo, SheetInfo, TableInfo, Workbook } from "../engine/workbook";

export interface GridElements {
  area: HTMLElement;
  nameBox: HTMLInputElement;
  formulaBar: HTMLInputElement;
  /** Excel's Table Design › Table Name box: shown while the active cell is in a table; Enter renames it. */
  tableName: HTMLInputElement;
  tabs: HTMLElement;
  addSheet: HTMLButtonElement;
  status: HTMLElement;
  problems: HTMLElement;
  /** "Ready", or "Calculating…" while an async function has not answered (#BUSY!). */
  calcState: HTMLElement;
}

const ROW_HEADER_PX = 46;
const HEADER_PX = 21;
const ptToPx = (pt: number) => Math.round((pt * 4) / 3);

type Editing = { row: number; col: number; input: HTMLInputElement; via: "cell" | "bar" } | null;

export class GridView {
  private editing: Editing = null;
  private renderQueued = false;
  private dragAnchor: { row: number; col: number } | null = null;
  private anchor = { row: 0, col: 0 };
  private rowsShown = 100;
  private colsShown = 26;

  constructor(
    private readonly wb: Workbook,
    private readonly el: GridElements,
  ) {
    const area = el.area;
    area.setAttribute("role", "grid");
    area.setAttribute("aria-multiselectable", "true");
    area.addEventListener("mousedown", (e) => this.onMouseDown(e));
    area.addEventListener("mouseover", (e) => this.onMouseOver(e));
    window.addEventListener("mouseup", () => (this.dragAnchor = null));
    area.addEventListener("dblclick", (e) => {
      if (this.cellOf(e.target)) this.startEdit(null);
    });
    area.addEventListener("keydown", (e) => this.onKeyDown(e));
    area.addEventListener("scroll", () => this.queueRender());
    area.addEventListener("paste", (e) => this.onPaste(e));
    area.addEventListener("copy", (e) => this.onCopy(e));
    el.nameBox.addEventListener("focus", () => el.nameBox.select());
    el.nameBox.addEventListener("keydown", (e) => this.onNameBoxKey(e));
    el.tableName.addEventListener("focus", () => el.tableName.select());
    el.tableName.addEventListener("keydown", (e) => this.onTableNameKey(e));
    el.tableName.addEventListener("blur", () => this.syncBars());
    el.formulaBar.addEventListener("focus", () => {
      if (!this.editing) this.editing = { ...this.wb.selection.active, input: el.formulaBar, via: "bar" };
    });
    el.formulaBar.addEventListener("keydown", (e) => this.onEditorKey(e));
    el.formulaBar.addEventListener("blur", () => {
      if (this.editing?.via === "bar") this.commit(0, 0);
    });
    el.addSheet.addEventListener("click", () => {
      const sheet = this.guard(() => this.wb.addSheet());
      if (sheet) this.wb.activate(sheet);
      this.el.area.focus();
    });
    wb.subscribe((c) => {
      if (c.kind === "selection") this.syncBars();
      this.queueRender();
    });
    wb.measureText = (text, style) => (measurePx(text, style?.bold, style?.fontSize) * 3) / 4;
    new ResizeObserver(() => this.queueRender()).observe(area);
    this.renderNow();
    this.syncBars();
  }

  private get sheet(): SheetInfo {
    return this.wb.activeSheet;
  }

  /** Runs a workbook action; a refusal (Excel's message) shows in the status line. */
  private guard<T>(f: () => T): T | undefined {
    try {
      return f();
    } catch (e) {
      this.el.status.textContent = (e as Error).message;
      return undefined;
    }
  }

  /** Runs a change the person asked for; false (the reason on the status line) when the workbook refuses it. */
  private attempt(f: () => void): boolean {
    let ok = false;
    this.guard(() => {
      f();
      ok = true;
    });
    return ok;
  }

  queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.renderNow();
    });
  }

  // ------------------------------------------------------------ geometry

  private rowPx(row: number): number {
    return ptToPx(this.wb.rowHeight(this.sheet, row));
  }

  private colPx(col: number): number {
    return ptToPx(this.wb.columnWidth(this.sheet, col));
  }

  private rowTop(row: number): number {
    let y = 0;
    for (let r = 0; r < row; r++) y += this.rowPx(r);
    return y;
  }

  private colLeft(col: number): number {
    let x = 0;
    for (let c = 0; c < col; c++) x += this.colPx(c);
    return x;
  }

  // ------------------------------------------------------------ rendering

  renderNow(): void {
    const { wb, el } = this;
    const sheet = this.sheet;
    const ext = wb.extent(sheet);
    const sel = wb.selection;
    this.rowsShown = Math.max(this.rowsShown, ext.rows + 30, sel.rect.row + sel.rect.rowCount + 20, 60);
    this.colsShown = Math.max(this.colsShown, ext.cols + 4, sel.rect.col + sel.rect.colCount + 4, 26);
    const area = el.area;
    area.setAttribute("aria-label", sheet.name);
    area.setAttribute("aria-rowcount", String(this.rowsShown + 1));
    area.setAttribute("aria-colcount", String(this.colsShown + 1));
    area.setAttribute("aria-activedescendant", `cell-${cellAddress(sel.active.row, sel.active.col)}`);

    // Rows in view (plus frozen rows).
    const frozenRows = Math.min(sheet.frozenRows, this.rowsShown);
    const frozenCols = Math.min(sheet.frozenColumns, this.colsShown);
    let y = 0;
    let first = frozenRows;
    const top = Math.max(0, area.scrollTop - HEADER_PX);
    for (let r = 0; r < this.rowsShown; r++) {
      if (y + this.rowPx(r) > top) {
        first = Math.max(frozenRows, r - 5);
        break;
      }
      y += this.rowPx(r);
    }
    const visibleRows = Math.ceil((area.clientHeight || 600) / 20) + 12;
    const last = Math.min(this.rowsShown, first + visibleRows);
    if (this.rowsShown - last < 20) this.rowsShown += 100;

    const table = document.createElement("table");
    table.className = "grid";
    table.setAttribute("role", "presentation");
    const colgroup = document.createElement("colgroup");
    const corner = document.createElement("col");
    corner.style.width = `${ROW_HEADER_PX}px`;
    colgroup.append(corner);
    let totalWidth = ROW_HEADER_PX;
    for (let c = 0; c < this.colsShown; c++) {
      const col = document.createElement("col");
      col.style.width = `${this.colPx(c)}px`;
      totalWidth += this.colPx(c);
      colgroup.append(col);
    }
    table.style.width = `${totalWidth}px`;
    table.append(colgroup);

    const thead = document.createElement("thead");
    const hr = document.createElement("tr");
    hr.setAttribute("role", "row");
    hr.setAttribute("aria-rowindex", "1");
    const th0 = document.createElement("th");
    th0.className = "corner";
    th0.setAttribute("role", "presentation");
    hr.append(th0);
    for (let c = 0; c < this.colsShown; c++) {
      const th = document.createElement("th");
      th.setAttribute("role", "columnheader");
      th.setAttribute("aria-colindex", String(c + 2));
      th.textContent = columnLetters(c);
      if (c >= sel.rect.col && c < sel.rect.col + sel.rect.colCount) th.classList.add("sel-head");
      hr.append(th);
    }
    thead.append(hr);
    table.append(thead);

    const tbody = document.createElement("tbody");
    const frozenTop: number[] = [];
    let acc = HEADER_PX;
    for (let r = 0; r < frozenRows; r++) {
      frozenTop.push(acc);
      acc += this.rowPx(r);
    }
    const frozenLeft: number[] = [];
    let accX = ROW_HEADER_PX;
    for (let c = 0; c < frozenCols; c++) {
      frozenLeft.push(accX);
      accX += this.colPx(c);
    }
    const tablesHere = wb.tables.filter((t) => t.sheet === sheet);
    const spills = new Set<string>();
    const anchor = wb.spillOf(sheet, sel.active.row, sel.active.col);
    if (anchor) for (let r = anchor.row; r < anchor.row + anchor.rowCount; r++) for (let c = anchor.col; c < anchor.col + anchor.colCount; c++) spills.add(`${r}:${c}`);

    const addRow = (r: number) => tbody.append(this.renderRow(r, frozenRows, frozenCols, frozenTop, frozenLeft, tablesHere, spills));
    for (let r = 0; r < frozenRows; r++) addRow(r);
    const gapTop = this.rowTop(first) - this.rowTop(frozenRows);
    if (gapTop > 0) tbody.append(spacer(gapTop, this.colsShown + 1));
    for (let r = first; r < last; r++) addRow(r);
    const gapBottom = this.rowTop(this.rowsShown) - this.rowTop(last);
    if (gapBottom > 0) tbody.append(spacer(gapBottom, this.colsShown + 1));
    table.append(tbody);

    // Keep the editor and charts; replace the table.
    const old = area.querySelector("table.grid");
    if (old) old.replaceWith(table);
    else {
      area.querySelector("#loading")?.remove();
      area.prepend(table);
    }
    for (const c of [...area.querySelectorAll(".chart")]) c.remove();
    for (const chart of wb.charts.filter((c) => c.sheet === sheet)) area.append(this.renderChart(chart));
    if (this.editing?.via === "cell") this.placeEditor(this.editing.input, this.editing.row, this.editing.col);

    this.renderTabs();
    this.renderProblems();
    this.renderStatus();
    const busy = [...wb.bridge.async.values()].some((e) => !e.settled);
    const state = busy ? "Calculating…" : "Ready";
    if (el.calcState.textContent !== state) el.calcState.textContent = state;
  }

  private renderRow(
    r: number,
    frozenRows: number,
    frozenCols: number,
    frozenTop: number[],
    frozenLeft: number[],
    tables: TableInfo[],
    spills: Set<string>,
  ): HTMLTableRowElement {
    const { wb } = this;
    const sheet = this.sheet;
    const sel = wb.selection;
    const tr = document.createElement("tr");
    tr.setAttribute("role", "row");
    tr.setAttribute("aria-rowindex", String(r + 2));
    tr.style.height = `${this.rowPx(r)}px`;
    const rh = document.createElement("th");
    rh.setAttribute("role", "rowheader");
    rh.textContent = String(r + 1);
    if (r >= sel.rect.row && r < sel.rect.row + sel.rect.rowCount) rh.classList.add("sel-head");
    if (r < frozenRows) rh.style.top = `${frozenTop[r]}px`;
    tr.append(rh);
    for (let c = 0; c < this.colsShown; c++) {
      const td = document.createElement("td");
      const address = cellAddress(r, c);
      td.id = `cell-${address}`;
      td.setAttribute("role", "gridcell");
      td.setAttribute("aria-label", address);
      td.setAttribute("aria-colindex", String(c + 2));
      td.dataset.row = String(r);
      td.dataset.col = String(c);
      const inSel = r >= sel.rect.row && r < sel.rect.row + sel.rect.rowCount && c >= sel.rect.col && c < sel.rect.col + sel.rect.colCount;
      td.setAttribute("aria-selected", String(inSel));
      if (inSel && (sel.rect.rowCount > 1 || sel.rect.colCount > 1)) td.classList.add("sel");
      if (r === sel.active.row && c === sel.active.col) td.classList.add("active");
      if (spills.has(`${r}:${c}`)) td.classList.add("spill");
      if (r < frozenRows) {
        td.classList.add("frozen-row");
        td.style.top = `${frozenTop[r]}px`;
        if (r === frozenRows - 1) td.classList.add("frozen-edge-row");
      }
      if (c < frozenCols) {
        td.classList.add("frozen-col");
        td.style.left = `${frozenLeft[c]}px`;
        if (c === frozenCols - 1) td.classList.add("frozen-edge-col");
      }
      this.fillCell(td, sheet, r, c, tables);
      tr.append(td);
    }
    return tr;
  }

  private fillCell(td: HTMLElement, sheet: SheetInfo, r: number, c: number, tables: TableInfo[]): void {
    const { wb } = this;
    const conditional = wb.conditionalStyle(sheet, r, c);
    const style = conditional ? { ...wb.style(sheet, r, c), ...conditional } : wb.style(sheet, r, c);
    const value = wb.value(sheet, r, c);
    let shown = wb.text(sheet, r, c);
    if (typeof value === "number" && !wb.isError(sheet, r, c)) {
      // A number that does not fit shows as Excel shows it: General shortens, other formats show ###.
      const room = this.colPx(c) - 9;
      if (measurePx(shown.text, style?.bold, style?.fontSize) > room) {
        td.title = shown.text;
        shown = { ...shown, text: wb.numberFormat(sheet, r, c) === "General" ? fitGeneral(value, room, style?.bold, style?.fontSize) : "#".repeat(Math.max(1, Math.floor(room / measurePx("#")))) };
      }
    }
    if (wb.isError(sheet, r, c)) {
      td.classList.add("err");
      const message = wb.errorMessage(sheet, r, c);
      if (message) {
        td.title = `${String(value)}: ${message}`;
        td.classList.add("has-message");
      }
    } else if (typeof value === "number") td.classList.add("num");
    else if (typeof value === "boolean") td.classList.add("center");
    if (shown.unsupported) td.title = `The preview cannot render the number format "${wb.numberFormat(sheet, r, c)}": shown as General`;
    if (shown.color) td.style.color = shown.color;
    const table = tables.find((t) => r >= t.rect.row && r < t.rect.row + t.rect.rowCount && c >= t.rect.col && c < t.rect.col + t.rect.colCount);
    if (table) {
      if (table.showHeaders && r === table.rect.row) td.classList.add("t-head");
      else if (table.showBandedRows && (r - table.rect.row - (table.showHeaders ? 1 : 0)) % 2 === 1) td.classList.add("t-band");
    }
    if (style) {
      if (style.bold) td.style.fontWeight = "700";
      if (style.italic) td.style.fontStyle = "italic";
      if (style.underline && style.underline !== "None") td.style.textDecoration = "underline";
      if (style.fontColor) td.style.color = style.fontColor;
      if (style.fill) td.style.backgroundColor = style.fill;
      if (style.fontSize) td.style.fontSize = `${(style.fontSize * 4) / 3 - 2}px`;
      if (style.horizontalAlignment && style.horizontalAlignment !== "General") td.style.textAlign = style.horizontalAlignment.toLowerCase() === "center" ? "center" : style.horizontalAlignment.toLowerCase();
      if (style.wrapText) td.style.whiteSpace = "normal";
      if (style.borders) {
        const css = (b: { style: string; color: string; weight: string }) => `${b.weight === "Thick" ? 3 : b.weight === "Medium" ? 2 : 1}px ${b.style === "Dash" || b.style === "Dot" ? "dashed" : b.style === "Double" ? "double" : "solid"} ${b.color}`;
        if (style.borders.EdgeBottom && style.borders.EdgeBottom.style !== "None") td.style.borderBottom = css(style.borders.EdgeBottom);
        if (style.borders.EdgeRight && style.borders.EdgeRight.style !== "None") td.style.borderRight = css(style.borders.EdgeRight);
        if (style.borders.EdgeTop && style.borders.EdgeTop.style !== "None") td.style.borderTop = css(style.borders.EdgeTop);
        if (style.borders.EdgeLeft && style.borders.EdgeLeft.style !== "None") td.style.borderLeft = css(style.borders.EdgeLeft);
      }
      if (style.hyperlink?.address && /^https?:\/\//i.test(style.hyperlink.address)) {
        const a = document.createElement("a");
        a.href = style.hyperlink.address;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        a.textContent = shown.text;
        if (style.hyperlink.screenTip) a.title = style.hyperlink.screenTip;
        td.append(a);
        return;
      }
    }
    // Text runs on over empty cells to its right, as in Excel (within the rendered columns).
    if (typeof value === "string" && !style?.wrapText && (!style?.horizontalAlignment || /^(General|Left)$/.test(style.horizontalAlignment))) {
      const own = this.colPx(c) - 9;
      const width = measurePx(shown.text, style?.bold, style?.fontSize);
      if (width > own) {
        let room = own;
        for (let k = c + 1; k < Math.min(this.colsShown, c + 30) && room < width; k++) {
          if (wb.value(sheet, r, k) !== "" || tables.some((t) => r === t.rect.row && t.showHeaders && k >= t.rect.col && k < t.rect.col + t.rect.colCount)) break;
          room += this.colPx(k);
        }
        if (room > own) {
          const span = document.createElement("span");
          span.className = "overflow";
          span.style.maxWidth = `${room}px`;
          span.textContent = shown.text;
          td.classList.add("overflowing");
          td.append(span);
          return;
        }
      }
    }
    td.textContent = shown.text;
  }

  private renderChart(chart: ChartInfo): HTMLElement {
    const { wb } = this;
    const box = document.createElement("figure");
    box.className = "chart";
    box.style.margin = "0";
    box.style.left = `${ROW_HEADER_PX + ptToPx(chart.left)}px`;
    box.style.top = `${HEADER_PX + ptToPx(chart.top)}px`;
    const w = ptToPx(chart.width);
    const h = ptToPx(chart.height);
    box.style.width = `${w}px`;
    box.style.height = `${h}px`;
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", `Chart: ${chart.title || chart.name}`);
    box.dataset.chartType = chart.chartType;
    const data = wb.values(chart.sheet, chart.source);
    const headerRow = data[0].some((v) => typeof v === "string") && data.length > 1;
    const rows = headerRow ? data.slice(1) : data;
    const categories = chart.categories ? wb.values(chart.sheet, chart.categories).map((row) => row[0]) : null;
    const categoryOffset = categories && headerRow && categories.length === data.length ? 1 : 0;
    const labelCol = categories ? -2 : rows.length > 0 && typeof rows[0][0] === "string" ? 0 : -1;
    const labelOf = (r: unknown[], i: number) => (categories ? String(categories[i + categoryOffset] ?? "") : String(r[labelCol]));
    const seriesCols = data[0].map((_, j) => j).filter((j) => j !== labelCol && rows.some((r) => typeof r[j] === "number"));
    const names = seriesCols.map((j) => (headerRow ? String(data[0][j]) : `Series${j + 1}`));
    const max = Math.max(1, ...rows.flatMap((r) => seriesCols.map((j) => (typeof r[j] === "number" ? Math.abs(r[j] as number) : 0))));
    const svgNs = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(svgNs, "svg");
    svg.setAttribute("width", String(w));
    svg.setAttribute("height", String(h));
    svg.setAttribute("aria-hidden", "true");
    const text = (x: number, y: number, s: string, size = 11, anchor = "middle", weight = "400") => {
      const t = document.createElementNS(svgNs, "text");
      t.setAttribute("x", String(x));
      t.setAttribute("y", String(y));
      t.setAttribute("font-size", String(size));
      t.setAttribute("text-anchor", anchor);
      t.setAttribute("font-weight", weight);
      t.setAttribute("fill", "#333");
      t.textContent = s;
      svg.append(t);
    };
    if (chart.titleVisible && chart.title) text(w / 2, 20, chart.title, 13, "middle", "600");
    const plot = { x: 40, y: 32, w: w - (chart.legendVisible ? 150 : 50), h: h - 70 };
    const colors = ["#4472c4", "#ed7d31", "#a5a5a5", "#ffc000", "#5b9bd5", "#70ad47"];
    const groupW = plot.w / Math.max(1, rows.length);
    const barW = Math.max(2, (groupW * 0.7) / Math.max(1, seriesCols.length));
    const line = chart.chartType === "Line";
    // A line's axis spans the figures' range (rates near 1,400 would be a flat line from zero).
    const numbers = rows.flatMap((r) => seriesCols.map((j) => r[j]).filter((v): v is number => typeof v === "number"));
    const low = line && numbers.length > 0 ? Math.min(...numbers) : 0;
    const high = line && numbers.length > 0 ? Math.max(...numbers) : max;
    const yOf = (v: number) => plot.y + plot.h - ((v - low) / Math.max(high - low, 1e-9)) * plot.h * (line ? 0.9 : 1) - (line ? plot.h * 0.05 : 0);
    if (line) {
      seriesCols.forEach((j, k) => {
        const points = rows.flatMap((r, i) => (typeof r[j] === "number" ? [`${plot.x + i * groupW + groupW / 2},${yOf(r[j] as number)}`] : []));
        const path = document.createElementNS(svgNs, "polyline");
        path.setAttribute("points", points.join(" "));
        path.setAttribute("fill", "none");
        path.setAttribute("stroke", colors[k % colors.length]);
        path.setAttribute("stroke-width", "2");
        path.setAttribute("class", "series-line");
        svg.append(path);
      });
    }
    rows.forEach((r, i) => {
      if (!line) {
        seriesCols.forEach((j, k) => {
          const v = typeof r[j] === "number" ? (r[j] as number) : 0;
          const bh = (Math.abs(v) / max) * plot.h;
          const rect = document.createElementNS(svgNs, "rect");
          rect.setAttribute("x", String(plot.x + i * groupW + groupW * 0.15 + k * barW));
          rect.setAttribute("y", String(plot.y + plot.h - bh));
          rect.setAttribute("width", String(barW - 1));
          rect.setAttribute("height", String(bh));
          rect.setAttribute("fill", colors[k % colors.length]);
          svg.append(rect);
        });
      }
      if (labelCol !== -1) text(plot.x + i * groupW + groupW / 2, plot.y + plot.h + 14, labelOf(r, i).slice(0, 12), 10);
    });
    const axis = document.createElementNS(svgNs, "line");
    axis.setAttribute("x1", String(plot.x));
    axis.setAttribute("x2", String(plot.x + plot.w));
    axis.setAttribute("y1", String(plot.y + plot.h));
    axis.setAttribute("y2", String(plot.y + plot.h));
    axis.setAttribute("stroke", "#999");
    svg.append(axis);
    if (chart.legendVisible) {
      names.forEach((n, k) => {
        const y = plot.y + 10 + k * 16;
        const sw = document.createElementNS(svgNs, "rect");
        sw.setAttribute("x", String(w - 100));
        sw.setAttribute("y", String(y - 8));
        sw.setAttribute("width", "9");
        sw.setAttribute("height", "9");
        sw.setAttribute("fill", colors[k % colors.length]);
        svg.append(sw);
        text(w - 86, y, n.slice(0, 14), 10, "start");
      });
    }
    box.append(svg);
    const caption = document.createElement("figcaption");
    caption.textContent = chart.title || chart.name;
    caption.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)";
    box.append(caption);
    return box;
  }

  private renderTabs(force = false): void {
    const { wb, el } = this;
    const tabs = el.tabs;
    // A tab being renamed keeps its editor until the rename ends.
    if (!force && tabs.querySelector("[role=tab] input")) return;
    const existing = [...tabs.querySelectorAll<HTMLButtonElement>("[role=tab]")];
    const visible = wb.sheets.filter((s) => s.visibility === "Visible");
    const same = existing.length === visible.length && existing.every((b, i) => b.textContent === visible[i].name && (b.getAttribute("aria-selected") === "true") === (visible[i] === wb.activeSheet));
    if (same && !force) return;
    const focused = document.activeElement && tabs.contains(document.activeElement);
    tabs.replaceChildren(
      ...visible.map((s) => {
        const b = document.createElement("button");
        b.type = "button";
        b.setAttribute("role", "tab");
        b.setAttribute("aria-selected", String(s === wb.activeSheet));
        b.setAttribute("aria-controls", el.area.id);
        b.tabIndex = s === wb.activeSheet ? 0 : -1;
        b.textContent = s.name;
        if (s.tabColor) b.style.borderTop = `3px solid ${s.tabColor}`;
        b.addEventListener("click", () => {
          this.commit(0, 0);
          wb.activate(s);
          this.anchor = { row: 0, col: 0 };
        });
        b.addEventListener("dblclick", () => this.renameTab(b, s));
        b.addEventListener("keydown", (e) => {
          const i = visible.indexOf(s);
          const next = e.key === "ArrowRight" ? visible[i + 1] : e.key === "ArrowLeft" ? visible[i - 1] : undefined;
          if (next) {
            e.preventDefault();
            wb.activate(next);
          }
        });
        return b;
      }),
    );
    if (focused) tabs.querySelector<HTMLButtonElement>("[aria-selected=true]")?.focus();
  }

  private renderProblems(): void {
    const { wb, el } = this;
    if (wb.problems.length === 0) {
      el.problems.classList.remove("has");
      el.problems.replaceChildren();
      return;
    }
    if (el.problems.querySelectorAll("li").length === wb.problems.length) return;
    const title = document.createElement("strong");
    title.textContent = "The preview found problems in the add-in:";
    const ul = document.createElement("ul");
    for (const p of wb.problems) {
      const li = document.createElement("li");
      li.textContent = p;
      ul.append(li);
    }
    el.problems.replaceChildren(title, ul);
    el.problems.classList.add("has");
  }

  /** The status line: the active cell's error and its message, or sum/count of a selection. */
  renderStatus(): void {
    const { wb, el } = this;
    const sel = wb.selection;
    const sheet = this.sheet;
    const { row, col } = sel.active;
    let text = "";
    if (wb.isError(sheet, row, col)) {
      const message = wb.errorMessage(sheet, row, col);
      text = `${cellAddress(row, col)}: ${String(wb.value(sheet, row, col))}${message ? ` — ${message}` : ""}`;
    } else if (sel.rect.rowCount * sel.rect.colCount > 1 && sel.rect.rowCount * sel.rect.colCount <= 100000) {
      let sum = 0;
      let count = 0;
      let numbers = 0;
      for (let r = sel.rect.row; r < sel.rect.row + sel.rect.rowCount; r++) {
        for (let c = sel.rect.col; c < sel.rect.col + sel.rect.colCount; c++) {
          const v = wb.value(sheet, r, c);
          if (v !== "") count++;
          if (typeof v === "number") {
            sum += v;
            numbers++;
          }
        }
      }
      text = numbers > 0 ? `Average: ${fmt(sum / numbers)}   Count: ${count}   Sum: ${fmt(sum)}` : count > 0 ? `Count: ${count}` : "";
    }
    if (el.status.dataset.text !== text) {
      el.status.dataset.text = text;
      el.status.textContent = text;
    }
  }

  private syncBars(): void {
    const { wb, el } = this;
    const sel = wb.selection;
    if (document.activeElement !== el.nameBox) {
      // As Excel's name box: the name of a table selected whole, else the selection's address.
      const table = wb.tables.find((t) => t.sheet === sel.sheet && t.rect.row === sel.rect.row && t.rect.col === sel.rect.col && t.rect.rowCount === sel.rect.rowCount && t.rect.colCount === sel.rect.colCount);
      el.nameBox.value = table ? table.name : sel.rect.rowCount * sel.rect.colCount > 1 ? rectAddress(sel.rect) : cellAddress(sel.active.row, sel.active.col);
    }
    if (this.editing?.via !== "bar" && this.editing?.via !== "cell") el.formulaBar.value = wb.editText(this.sheet, sel.active.row, sel.active.col);
    const inTable = wb.tableAt(sel.sheet, sel.active.row, sel.active.col);
    const box = el.tableName.parentElement as HTMLElement;
    box.hidden = !inTable;
    if (inTable && document.activeElement !== el.tableName) el.tableName.value = inTable.name;
    this.renderStatus();
  }

  /** The Table Name box: Enter renames the active cell's table (Excel's rules for the name), Escape puts the name back. */
  private onTableNameKey(e: KeyboardEvent): void {
    const sel = this.wb.selection;
    const table = this.wb.tableAt(sel.sheet, sel.active.row, sel.active.col);
    if (e.key === "Escape" || !table) {
      if (table) this.el.tableName.value = table.name;
      this.el.area.focus();
      return;
    }
    if (e.key !== "Enter") return;
    e.preventDefault();
    const name = this.el.tableName.value.trim();
    // Excel refuses an invalid or taken name with a message and keeps the box as typed.
    if (!this.attempt(() => this.wb.renameTable(table, name))) return;
    this.el.area.focus();
    this.syncBars();
  }

  /** Excel's rename of a sheet: double-click its tab, type, Enter (or click away) to rename, Escape to keep the name. */
  private renameTab(tab: HTMLButtonElement, sheet: SheetInfo): void {
    const input = document.createElement("input");
    input.value = sheet.name;
    input.setAttribute("aria-label", "Sheet name");
    tab.replaceChildren(input);
    input.focus();
    input.select();
    let done = false;
    const finish = (commit: boolean) => {
      if (done) return;
      if (commit && input.value !== sheet.name) {
        // An invalid or taken name: Excel says why and keeps the editor open.
        if (!this.attempt(() => this.wb.renameSheet(sheet, input.value))) {
          input.focus();
          return;
        }
      }
      done = true;
      tab.textContent = sheet.name;
      this.renderTabs(true);
      this.el.area.focus();
    };
    input.addEventListener("keydown", (e) => {
      e.stopPropagation();
      if (e.key === "Enter") {
        e.preventDefault();
        finish(true);
      } else if (e.key === "Escape") {
        e.preventDefault();
        input.value = sheet.name;
        finish(false);
      }
    });
    input.addEventListener("blur", () => finish(true));
    input.addEventListener("click", (e) => e.stopPropagation());
    input.addEventListener("dblclick", (e) => e.stopPropagation());
  }

  // ------------------------------------------------------------ selection

  private cellOf(target: EventTarget | null): { row: number; col: number } | null {
    const td = (target as HTMLElement | null)?.closest?.("td[role=gridcell]") as HTMLElement | null;
    if (!td) return null;
    return { row: Number(td.dataset.row), col: Number(td.dataset.col) };
  }

  private selectCell(row: number, col: number, extend = false): void {
    row = Math.max(0, row);
    col = Math.max(0, Math.min(col, 16383));
    if (extend) {
      const rect = { row: Math.min(this.anchor.row, row), col: Math.min(this.anchor.col, col), rowCount: Math.abs(row - this.anchor.row) + 1, colCount: Math.abs(col - this.anchor.col) + 1 };
      this.wb.select(this.sheet, rect, this.anchor);
    } else {
      this.anchor = { row, col };
      this.wb.select(this.sheet, { row, col, rowCount: 1, colCount: 1 });
    }
    this.scrollIntoView(row, col);
  }

  private scrollIntoView(row: number, col: number): void {
    const area = this.el.area;
    const top = this.rowTop(row);
    const bottom = top + this.rowPx(row);
    const frozenH = this.rowTop(this.sheet.frozenRows);
    if (top < area.scrollTop + frozenH && row >= this.sheet.frozenRows) area.scrollTop = Math.max(0, top - frozenH);
    else if (bottom + HEADER_PX > area.scrollTop + area.clientHeight) area.scrollTop = bottom + HEADER_PX - area.clientHeight + 4;
    const left = this.colLeft(col);
    const right = left + this.colPx(col);
    if (left < area.scrollLeft) area.scrollLeft = left;
    else if (right + ROW_HEADER_PX > area.scrollLeft + area.clientWidth) area.scrollLeft = right + ROW_HEADER_PX - area.clientWidth + 4;
  }

  private onMouseDown(e: MouseEvent): void {
    const cell = this.cellOf(e.target);
    if (!cell) return;
    if ((e.target as HTMLElement).closest("a") && (e.ctrlKey || e.metaKey)) return;
    if (this.editing) {
      // Clicking a cell while typing a formula would insert a reference in Excel; the preview commits.
      this.commit(0, 0);
    }
    e.preventDefault();
    this.el.area.focus();
    this.selectCell(cell.row, cell.col, e.shiftKey);
    this.dragAnchor = e.shiftKey ? this.anchor : cell;
  }

  private onMouseOver(e: MouseEvent): void {
    if (!this.dragAnchor || (e.buttons & 1) === 0) return;
    const cell = this.cellOf(e.target);
    if (!cell) return;
    this.anchor = this.dragAnchor;
    this.selectCell(cell.row, cell.col, true);
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.editing || e.target !== this.el.area) return;
    const sel = this.wb.selection;
    const { row, col } = sel.active;
    const extendFrom = () => {
      // The moving corner of an extended selection.
      const r = sel.rect;
      return {
        row: r.row === this.anchor.row ? r.row + r.rowCount - 1 : r.row,
        col: r.col === this.anchor.col ? r.col + r.colCount - 1 : r.col,
      };
    };
    const move = (dr: number, dc: number) => {
      e.preventDefault();
      if (e.shiftKey) {
        const corner = extendFrom();
        this.selectCell(corner.row + dr, corner.col + dc, true);
      } else this.selectCell(row + dr, col + dc);
    };
    switch (e.key) {
      case "ArrowUp":
        return move(-1, 0);
      case "ArrowDown":
        return move(1, 0);
      case "ArrowLeft":
        return move(0, -1);
      case "ArrowRight":
        return move(0, 1);
      case "Enter":
        return move(e.shiftKey ? -1 : 1, 0);
      case "Tab":
        e.preventDefault();
        return this.selectCell(row, col + (e.shiftKey ? -1 : 1));
      case "PageDown":
        return move(20, 0);
      case "PageUp":
        return move(-20, 0);
      case "Home":
        e.preventDefault();
        return this.selectCell(e.ctrlKey ? 0 : row, 0);
      case "Delete":
        e.preventDefault();
        this.guard(() => this.wb.clear(this.sheet, sel.rect, "Contents"));
        return;
      case "Backspace":
        e.preventDefault();
        return this.startEdit("");
      case "F2":
        e.preventDefault();
        return this.startEdit(null);
      case "Escape":
        return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "a") {
      e.preventDefault();
      const ext = this.wb.extent(this.sheet);
      this.anchor = { row: 0, col: 0 };
      this.wb.select(this.sheet, { row: 0, col: 0, rowCount: Math.max(1, ext.rows), colCount: Math.max(1, ext.cols) }, { row: 0, col: 0 });
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
    } else if (e.key === "Process") {
      // An IME composition (Korean input): open the editor and let it receive the composition.
      this.startEdit("");
    }
  }

  private onPaste(e: ClipboardEvent): void {
    if (this.editing) return;
    const text = e.clipboardData?.getData("text/plain");
    if (!text) return;
    e.preventDefault();
    const { row, col } = this.wb.selection.active;
    const rect = this.guard(() => this.wb.pasteText(this.sheet, row, col, text));
    if (rect) {
      this.anchor = { row, col };
      this.wb.select(this.sheet, rect, { row, col });
    }
  }

  private onCopy(e: ClipboardEvent): void {
    if (this.editing) return;
    const r = this.wb.selection.rect;
    const lines: string[] = [];
    for (let i = r.row; i < r.row + r.rowCount; i++) {
      const cells: string[] = [];
      for (let j = r.col; j < r.col + r.colCount; j++) cells.push(this.wb.text(this.sheet, i, j).text);
      lines.push(cells.join("\t"));
    }
    e.clipboardData?.setData("text/plain", lines.join("\n"));
    e.preventDefault();
  }

  // ------------------------------------------------------------ editing

  /** Opens the cell editor: `initial` null keeps the cell's content (F2), a string replaces it (typing). */
  private startEdit(initial: string | null): void {
    const { row, col } = this.wb.selection.active;
    const input = document.createElement("input");
    input.id = "cell-editor";
    input.setAttribute("aria-label", `Edit ${cellAddress(row, col)}`);
    input.autocomplete = "off";
    input.spellcheck = false;
    input.value = initial ?? this.wb.editText(this.sheet, row, col);
    this.editing = { row, col, input, via: "cell" };
    this.placeEditor(input, row, col);
    this.el.area.append(input);
    this.el.formulaBar.value = input.value;
    input.addEventListener("keydown", (e) => this.onEditorKey(e));
    input.addEventListener("input", () => (this.el.formulaBar.value = input.value));
    input.addEventListener("blur", () => {
      if (this.editing?.input === input) this.commit(0, 0, false);
    });
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  private placeEditor(input: HTMLInputElement, row: number, col: number): void {
    input.style.left = `${ROW_HEADER_PX + this.colLeft(col)}px`;
    input.style.top = `${HEADER_PX + this.rowTop(row)}px`;
    input.style.height = `${this.rowPx(row) + 1}px`;
    input.style.minWidth = `${this.colPx(col) + 1}px`;
    input.style.width = `${Math.max(this.colPx(col) + 1, input.value.length * 8 + 16)}px`;
  }

  private onEditorKey(e: KeyboardEvent): void {
    if (e.isComposing) return;
    if (e.key === "Enter") {
      e.preventDefault();
      this.commit(e.shiftKey ? -1 : 1, 0);
    } else if (e.key === "Tab") {
      e.preventDefault();
      this.commit(0, e.shiftKey ? -1 : 1);
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.cancelEdit();
    }
  }

  /** Enters what was typed into the cell it was typed for, then moves the selection. */
  private commit(dr: number, dc: number, refocus = true): void {
    const editing = this.editing;
    if (!editing) return;
    this.editing = null;
    const text = editing.input.value;
    if (editing.via === "cell") editing.input.remove();
    const sheet = this.sheet;
    const before = this.wb.editText(sheet, editing.row, editing.col);
    if (text !== before) this.guard(() => this.wb.typeInto(sheet, editing.row, editing.col, text));
    if (dr !== 0 || dc !== 0) this.selectCell(editing.row + dr, editing.col + dc);
    if (refocus) this.el.area.focus();
    this.syncBars();
    this.queueRender();
  }

  private cancelEdit(): void {
    const editing = this.editing;
    if (!editing) return;
    this.editing = null;
    if (editing.via === "cell") editing.input.remove();
    this.el.area.focus();
    this.syncBars();
  }

  private onNameBoxKey(e: KeyboardEvent): void {
    if (e.key === "Escape") {
      this.syncBars();
      this.el.area.focus();
      return;
    }
    if (e.key !== "Enter") return;
    e.preventDefault();
    const text = this.el.nameBox.value.trim();
    const table = this.wb.findTable(text);
    let target: { sheet: SheetInfo; rect: CellRect } | null = null;
    if (table) target = { sheet: table.sheet, rect: table.rect };
    else {
      const parsed = parseAddress(text);
      const sheet = parsed?.sheetName ? this.wb.findSheet(parsed.sheetName) : this.sheet;
      if (parsed && sheet) target = { sheet, rect: parsed };
    }
    if (!target) {
      this.el.status.textContent = `"${text}" is not a cell address, range or table name.`;
      return;
    }
    if (target.sheet !== this.sheet) this.wb.activate(target.sheet);
    this.anchor = { row: target.rect.row, col: target.rect.col };
    this.wb.select(target.sheet, target.rect);
    this.scrollIntoView(target.rect.row, target.rect.col);
    this.el.area.focus();
    this.syncBars();
  }
}

let measureContext: CanvasRenderingContext2D | null = null;
const measureCache = new Map<string, number>();

/** Width in px of text in the grid's font (canvas measurement, cached). */
function measurePx(text: string, bold = false, sizePt?: number): number {
  const key = `${bold ? "b" : ""}${sizePt ?? ""}|${text}`;
  const hit = measureCache.get(key);
  if (hit !== undefined) return hit;
  measureContext ??= document.createElement("canvas").getContext("2d");
  if (!measureContext) return text.length * 7;
  const px = sizePt ? (sizePt * 4) / 3 - 2 : 13;
  measureContext.font = `${bold ? "700 " : ""}${px}px "Segoe UI", "Noto Sans KR", "Apple SD Gothic Neo", Roboto, Arial, sans-serif`;
  const width = measureContext.measureText(text).width;
  if (measureCache.size > 20000) measureCache.clear();
  measureCache.set(key, width);
  return width;
}

/** A General number shortened to fit `room` px, as Excel shortens it (fewer digits, then scientific). */
function fitGeneral(value: number, room: number, bold?: boolean, sizePt?: number): string {
  for (let digits = 10; digits >= 1; digits--) {
    const candidates = [Number(value.toPrecision(digits)).toString(), value.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, "e").replace("e+", "E+").replace("e-", "E-")];
    for (const t of candidates) if (!t.includes("e") && measurePx(t, bold, sizePt) <= room) return t;
  }
  return "#".repeat(Math.max(1, Math.floor(room / measurePx("#"))));
}

function spacer(height: number, colspan: number): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.setAttribute("aria-hidden", "true");
  tr.style.height = `${height}px`;
  const td = document.createElement("td");
  td.colSpan = colspan;
  td.style.border = "none";
  tr.append(td);
  return tr;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("en-US") : n.toLocaleString("en-US", { maximumFractionDigits: 4 });
}
