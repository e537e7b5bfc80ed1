/* The request/sync model of the Excel JavaScript API, as office.js implements it: calls on proxy
 * objects are queued and run at `context.sync()`; a property is readable only after `load` and a
 * sync (or after the caller set it); `…OrNullObject` objects say `isNullObject` after a sync; a
 * failing operation rejects the sync with an OfficeExtension.Error carrying Excel's code and
 * where it failed. Anything the preview does not implement throws "preview does not implement
 * Range.foo" at once, and is reported in the workbook's status area: never a silent success.
 *
 * Payload limits, as Excel on the web's: a request (the operations of one sync, as JSON) past
 * 5,000,000 bytes is refused whole, nothing applied (RequestPayloadSizeLimitExceeded); a sync whose
 * response (every value it loads, as JSON) passes 5,000,000 bytes fails with
 * ResponsePayloadSizeLimitExceeded and loads nothing. Whether Excel keeps the writes of such a
 * sync is not documented: the preview keeps them, the harder case for the add-in's undo. */
import type { Workbook } from "../engine/workbook";
import { WorkbookError } from "../engine/workbook-error";

/** OfficeExtension.Error as office.js makes it ("RichApi.Error"). */
export class OfficeExtensionError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: unknown = null;
  readonly httpStatusCode: number;

  constructor(code: string, message: string, errorLocation?: string, httpStatusCode = 400) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = httpStatusCode;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  override toString(): string {
    return JSON.stringify({ name: this.name, code: this.code, message: this.message, debugInfo: this.debugInfo });
  }
}

/** Excel's error codes (Excel.ErrorCodes / OfficeExtension.ErrorCodes). */
export const ERROR_CODES = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidBinding: "InvalidBinding",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  unsupportedOperation: "UnsupportedOperation",
  invalidObjectPath: "InvalidObjectPath",
  invalidRequestContext: "InvalidRequestContext",
} as const;

/** Where unimplemented calls are reported (the workbook's status area and the console). */
let reporter: (message: string) => void = (m) => console.error(m);

export function setNotImplementedReporter(report: (message: string) => void): void {
  reporter = report;
}

/** The error for an Excel API member the preview lacks; reported before it is thrown. */
export function notImplemented(member: string): Error {
  const message = `preview does not implement ${member}`;
  reporter(message);
  const e = new OfficeExtensionError("NotImplemented", message, member, 501);
  return e;
}

/** Names JavaScript itself probes on objects (promises, JSON, inspectors, frameworks). */
const PROBED = new Set([
  "then",
  "toJSON",
  "constructor",
  "valueOf",
  "toString",
  "toLocaleString",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "__proto__",
  "$$typeof",
  "nodeType",
  "asymmetricMatch",
  "@@__IMMUTABLE_ITERABLE__@@",
  "_isMockFunction",
]);

/**
 * Wraps an API object so reading or setting a member it lacks throws "preview does not implement
 * Type.member" (and reports it) instead of yielding undefined.
 */
export function strict<T extends object>(obj: T, typeName: string): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop in target || PROBED.has(prop)) return Reflect.get(target, prop, receiver);
      throw notImplemented(`${typeName}.${prop}`);
    },
    set(target, prop, value, receiver) {
      if (typeof prop === "symbol" || prop in target) return Reflect.set(target, prop, value, receiver);
      throw notImplemented(`setting ${typeName}.${prop}`);
    },
  });
}

type Op = { run: () => void; location: string; bytes: number };

/** Excel on the web's limit on one request and on one response, in bytes (not 5 MiB). */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** What one operation adds to a request besides its data: the object path, the member, the envelope. */
const OPERATION_BYTES = 100;

const encoder = new TextEncoder();

/** The bytes a value takes as JSON, as a request or response carries it. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  return encoder.encode(JSON.stringify(value) ?? "null").length;
}

/** Turns an engine failure into what office.js would reject the sync with. */
export function toOfficeError(e: unknown, location: string): OfficeExtensionError {
  if (e instanceof OfficeExtensionError) return e;
  if (e instanceof WorkbookError || (e as { name?: string })?.name === "WorkbookError") {
    const we = e as WorkbookError;
    return new OfficeExtensionError(we.code, we.message, location);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new OfficeExtensionError("GeneralException", `There was an internal error while processing the request. (${message})`, location, 500);
}

/** `Excel.RequestContext`: the queue of one batch of API calls. */
export class RequestContextCore {
  private queue: Op[] = [];
  /** Bytes the running sync's loads bring back, and how to forget them if it fails. */
  private responding = 0;
  private unloads: Array<() => void> = [];
  readonly wb: Workbook;
  /** Objects created by this context (for `trackedObjects`). */
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };

  constructor(wb: Workbook) {
    this.wb = wb;
  }

  /** Queues an operation run at the next sync; `payload` is the data it carries in the request. */
  enqueue(location: string, run: () => void, payload?: unknown): void {
    this.queue.push({ location, run, bytes: OPERATION_BYTES + jsonBytes(payload) });
  }

  /**
   * @internal A load of the running sync brought `value` back; `unload` forgets it if the sync fails.
   */
  responded(value: unknown, unload: () => void): void {
    this.responding += jsonBytes(value);
    this.unloads.push(unload);
  }

  /** Runs the queued operations in order; the first failure rejects and drops the rest (as Excel does). */
  sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.queue;
    this.queue = [];
    this.wb.stats.syncs++;
    return Promise.resolve().then(() => {
      const request = ops.reduce((n, op) => n + op.bytes, 0);
      this.wb.stats.largestRequestBytes = Math.max(this.wb.stats.largestRequestBytes, request);
      if (request > PAYLOAD_LIMIT_BYTES) {
        throw new OfficeExtensionError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit. (${request} bytes; Excel on the web takes at most ${PAYLOAD_LIMIT_BYTES})`, "RequestContext.sync", 413);
      }
      this.responding = 0;
      this.unloads = [];
      this.wb.batch(() => {
        for (const op of ops) {
          try {
            op.run();
          } catch (e) {
            throw toOfficeError(e, op.location);
          }
        }
      });
      const response = this.responding;
      this.wb.stats.largestResponseBytes = Math.max(this.wb.stats.largestResponseBytes, response);
      if (response > PAYLOAD_LIMIT_BYTES) {
        for (const unload of this.unloads) unload();
        throw new OfficeExtensionError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit. (${response} bytes; Excel on the web returns at most ${PAYLOAD_LIMIT_BYTES})`, "RequestContext.sync", 413);
      }
      return passThroughValue as T;
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** `context.load(object, properties)`, the same as `object.load(properties)`. */
  load(object: { load(option?: unknown): unknown }, option?: unknown): void {
    object.load(option);
  }
}

/** A value a method returns, readable after sync (OfficeExtension.ClientResult). */
export class ClientResult<T> {
  private v: T | undefined;
  private set = false;

  get value(): T {
    if (!this.set) {
      throw new OfficeExtensionError(
        "PropertyNotLoaded",
        "The property 'value' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
        "ClientResult.value",
      );
    }
    return this.v as T;
  }

  resolve(v: T): void {
    this.v = v;
    this.set = true;
  }
}

/** Parses the argument of `load`: "a, b/c", ["a", "b/c"], { select, expand }, or nothing. */
export function parseLoadOption(option: unknown, typeName: string): string[] | null {
  if (option === undefined || option === null) return null;
  if (typeof option === "string") return option.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((o) => parseLoadOption(o, typeName) ?? []);
  if (typeof option === "object") {
    const o = option as { select?: unknown; expand?: unknown; top?: unknown; skip?: unknown };
    if (o.top !== undefined || o.skip !== undefined) throw notImplemented(`${typeName}.load({ top / skip })`);
    const select = parseLoadOption(o.select, typeName) ?? [];
    const expand = parseLoadOption(o.expand, typeName) ?? [];
    return [...select, ...expand];
  }
  throw notImplemented(`${typeName}.load(${typeof option})`);
}

/** Plain copy of data leaving the engine, made in this realm (the pane's iframe). */
export function copyOut<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A matrix copy (fast path for values). */
export function copyMatrix<T>(m: readonly (readonly T[])[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < m.length; i++) {
    const row: T[] = [];
    const src = m[i];
    for (let j = 0; j < src.length; j++) row.push(src[j]);
    out.push(row);
  }
  return out;
}

/**
 * Base of every API object. Subclasses declare their loadable scalar properties (`props`), their
 * child objects (`navs`), how to read a property from the resolved target, and setters.
 */
export abstract class ClientObject<T> {
  protected readonly ctx: RequestContextCore;
  protected readonly resolveTarget: () => T | null;
  protected readonly loaded = new Map<string, unknown>();
  /** For …OrNullObject results: unknown until a sync. */
  protected nullState: boolean | undefined = undefined;
  protected readonly orNull: boolean;
  abstract readonly typeName: string;
  /** Scalar properties `load()` without arguments loads. */
  protected abstract readonly props: readonly string[];
  /** Child objects reachable in load paths ("format/font/bold"). */
  protected readonly navs: readonly string[] = [];

  constructor(ctx: RequestContextCore, resolve: () => T | null, orNull = false) {
    this.ctx = ctx;
    this.resolveTarget = resolve;
    this.orNull = orNull;
    if (orNull) {
      ctx.enqueue("isNullObject", () => {
        this.nullState = this.resolveTarget() === null;
      });
    }
  }

  /** The target at sync time; a missing one is Excel's ItemNotFound. */
  protected target(): T {
    const t = this.resolveTarget();
    if (t === null) throw new OfficeExtensionError("ItemNotFound", "The requested resource doesn't exist.", `${this.typeName}`, 404);
    return t;
  }

  /** Reads one property from the target; subclasses throw notImplemented for names they lack. */
  protected abstract read(name: string, target: T): unknown;

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    if (this.nullState === undefined) {
      throw new OfficeExtensionError(
        "PropertyNotLoaded",
        "The property 'isNullObject' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
        `${this.typeName}.isNullObject`,
      );
    }
    return this.nullState;
  }

  /** Queues loading of properties (and of child objects' properties through "a/b" paths). */
  load(option?: unknown): this {
    const names = parseLoadOption(option, this.typeName) ?? [...this.props];
    const own: string[] = [];
    for (const name of names) {
      const [head, ...rest] = name.split("/");
      if (rest.length > 0 || this.navs.includes(head)) {
        if (!this.navs.includes(head)) throw notImplemented(`${this.typeName}.load("${name}")`);
        const child = (this as unknown as Record<string, ClientObject<unknown>>)[head];
        child.load(rest.length > 0 ? rest.join("/") : undefined);
      } else {
        if (!this.props.includes(head)) throw notImplemented(`${this.typeName}.${head} (in load)`);
        own.push(head);
      }
    }
    if (own.length > 0) {
      this.ctx.enqueue(`${this.typeName}.load`, () => {
        const t = this.resolveTarget();
        if (t === null) {
          if (this.orNull) return;
          throw new OfficeExtensionError("ItemNotFound", "The requested resource doesn't exist.", `${this.typeName}`, 404);
        }
        for (const p of own) this.setLoaded(p, this.read(p, t));
      });
    }
    return this;
  }

  /** Keeps a property a sync loaded, counted in that sync's response. */
  private setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
    this.ctx.responded({ [name]: value }, () => this.loaded.delete(name));
  }

  /** A loaded (or set) property, or office.js's PropertyNotLoaded. */
  protected get$<V>(name: string): V {
    if (this.nullState === true) return undefined as V;
    if (!this.loaded.has(name)) {
      throw new OfficeExtensionError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.typeName}.${name}`,
      );
    }
    return this.loaded.get(name) as V;
  }

  /** Sets a property: remembered locally (as office.js does) and applied at sync. */
  protected set$(name: string, value: unknown, apply: (t: T) => void): void {
    this.loaded.set(name, value);
    this.ctx.enqueue(`${this.typeName}.${name}`, () => apply(this.target()), value);
  }

  /** Queues a method call; `payload` is the data its arguments carry in the request. */
  protected call(method: string, run: (t: T) => void, payload?: unknown): void {
    this.ctx.enqueue(`${this.typeName}.${method}`, () => run(this.target()), payload);
  }

  /** Queues a method returning a value. */
  protected result<V>(method: string, run: (t: T) => V): ClientResult<V> {
    const r = new ClientResult<V>();
    this.ctx.enqueue(`${this.typeName}.${method}`, () => r.resolve(run(this.target())));
    return r;
  }

  /** Sets several properties at once (`obj.set({ … })`), nested objects included. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      if (this.navs.includes(k) && typeof v === "object" && v !== null) {
        (this as unknown as Record<string, ClientObject<unknown>>)[k].set(v as Record<string, unknown>);
      } else {
        (this as unknown as Record<string, unknown>)[k] = v;
      }
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.loaded) out[k] = v;
    return out;
  }

  /**
   * @internal Loads properties now, inside a running sync ("a/b" paths through child objects);
   * collections load their items this way.
   */
  loadNow(paths: readonly string[] | undefined): void {
    const t = this.target();
    for (const path of paths ?? this.props) {
      const [head, ...rest] = path.split("/");
      if (rest.length > 0 || this.navs.includes(head)) {
        if (!this.navs.includes(head)) throw notImplemented(`${this.typeName}.load("${path}")`);
        const child = (this as unknown as Record<string, ClientObject<unknown>>)[head];
        child.loadNow(rest.length > 0 ? [rest.join("/")] : undefined);
      } else {
        if (!this.props.includes(head)) throw notImplemented(`${this.typeName}.${head} (in load)`);
        this.setLoaded(head, this.read(head, t));
      }
    }
  }
}

/**
 * A collection (`items` after load; `load("items/name")` or `load("name")` loads those properties
 * of every item; `count` where Excel has it).
 */
export abstract class ClientCollection<Item extends ClientObject<I>, I, T> extends ClientObject<T> {
  protected readonly props: readonly string[] = ["items", "count"];
  private itemsCache: Item[] | undefined = undefined;
  /** The items' targets now. */
  protected abstract list(t: T): I[];
  /** An item proxy that resolves to this target while it exists. */
  protected abstract makeItem(target: I): Item;

  protected read(name: string, t: T): unknown {
    if (name === "count") return this.list(t).length;
    throw notImplemented(`${this.typeName}.${name}`);
  }

  override load(option?: unknown): this {
    const names = parseLoadOption(option, this.typeName);
    const itemProps: string[] = [];
    for (const n of names ?? []) {
      if (n !== "count" && n !== "items") itemProps.push(n.replace(/^items\//, ""));
    }
    this.ctx.enqueue(`${this.typeName}.load`, () => {
      const t = this.resolveTarget();
      if (t === null) {
        if (this.orNull) return;
        throw new OfficeExtensionError("ItemNotFound", "The requested resource doesn't exist.", this.typeName, 404);
      }
      const targets = this.list(t);
      this.loaded.set("count", targets.length);
      this.itemsCache = targets.map((target) => {
        const item = this.makeItem(target);
        item.loadNow(itemProps.length > 0 ? itemProps : undefined);
        return item;
      });
    });
    return this;
  }

  get items(): Item[] {
    if (!this.itemsCache) {
      throw new OfficeExtensionError(
        "PropertyNotLoaded",
        "The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
        `${this.typeName}.items`,
      );
    }
    return this.itemsCache;
  }

  get count(): number {
    return this.get$("count");
  }

  /** Excel's getCount(). */
  getCount(): ClientResult<number> {
    return this.result("getCount", (t) => this.list(t).length);
  }
}

/** An event on an API object (`onChanged.add(handler)`); handlers run after the change, with event args. */
export class EventSource<A> {
  private readonly handlers = new Set<(args: A) => unknown>();
  constructor(
    private readonly ctx: RequestContextCore,
    private readonly typeName: string,
    private readonly attach: (fire: (args: A) => void) => () => void,
  ) {}

  private detach: (() => void) | null = null;

  add(handler: (args: A) => unknown): { remove: () => void; context: RequestContextCore } {
    const registration = {
      context: this.ctx,
      remove: () => {
        this.ctx.enqueue(`${this.typeName}.remove`, () => {
          this.handlers.delete(handler);
          if (this.handlers.size === 0 && this.detach) {
            this.detach();
            this.detach = null;
          }
        });
      },
    };
    this.ctx.enqueue(`${this.typeName}.add`, () => {
      this.handlers.add(handler);
      if (!this.detach) {
        this.detach = this.attach((args) => {
          for (const h of [...this.handlers]) {
            Promise.resolve()
              .then(() => h(args))
              .catch((e) => console.error(`${this.typeName} handler failed`, e));
          }
        });
      }
    });
    return registration;
  }
}
