/* functions.json as custom-functions-metadata-plugin writes it, and the check of a bundle's
 * `CustomFunctions.associate` calls against it: what Excel would refuse or silently not show. */

/** One parameter as functions.json describes it. */
export interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly dimensionality?: "scalar" | "matrix";
  readonly optional?: boolean;
  readonly repeating?: boolean;
}

/** One function as functions.json describes it. */
export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result?: { readonly type?: string; readonly dimensionality?: "scalar" | "matrix" };
  readonly options?: {
    readonly stream?: boolean;
    readonly cancelable?: boolean;
    readonly volatile?: boolean;
    readonly requiresAddress?: boolean;
    readonly requiresParameterAddresses?: boolean;
  };
}

/** The whole file. */
export interface FunctionsMetadata {
  /** Error cells reach `any` / `any[][]` parameters; without it Excel shows the error and does not call. */
  readonly allowErrorForDataTypeAny?: boolean;
  /** Data-type cells reach `any` parameters as objects (the preview's cells hold none). */
  readonly allowCustomDataForDataTypeAny?: boolean;
  readonly functions: readonly FunctionMetadata[];
}

/**
 * Reads functions.json text, refusing what is not its shape.
 * @param json - the file's text or parsed value
 * @returns the metadata
 */
export function parseFunctionsMetadata(json: unknown): FunctionsMetadata {
  const data = typeof json === "string" ? (JSON.parse(json) as unknown) : json;
  const functions = (data as { functions?: unknown })?.functions;
  if (!Array.isArray(functions)) throw new Error("functions.json has no 'functions' array");
  for (const f of functions as FunctionMetadata[]) {
    if (typeof f?.id !== "string" || !Array.isArray(f.parameters)) {
      throw new Error(`functions.json has an entry without an id or parameters: ${JSON.stringify(f).slice(0, 120)}`);
    }
  }
  return data as FunctionsMetadata;
}

/**
 * Compares what a bundle associated with what functions.json declares. Excel matches ids
 * case-insensitively; a declared id never associated shows #NAME? there, an associated id that is
 * not declared is never callable.
 * @param metadata - functions.json
 * @param associatedIds - ids passed to `CustomFunctions.associate`, in call order
 * @returns one sentence per problem (empty when they agree)
 */
export function checkRegistrations(metadata: FunctionsMetadata, associatedIds: readonly string[]): string[] {
  const problems: string[] = [];
  const declared = new Map(metadata.functions.map((f) => [f.id.toUpperCase(), f.id]));
  const associated = new Set(associatedIds.map((id) => id.toUpperCase()));
  for (const id of associatedIds) {
    if (!declared.has(id.toUpperCase())) problems.push(`CustomFunctions.associate("${id}", …): functions.json declares no function "${id}".`);
  }
  for (const [upper, id] of declared) {
    if (!associated.has(upper)) problems.push(`functions.json declares "${id}", but the functions bundle never called CustomFunctions.associate("${id}", …).`);
  }
  for (const f of metadata.functions) {
    let seenOptional = false;
    f.parameters.forEach((p, i) => {
      if (p.optional) seenOptional = true;
      else if (seenOptional && !p.repeating) problems.push(`functions.json: ${f.id} has required parameter "${p.name}" after an optional one.`);
      if (p.repeating && i !== f.parameters.length - 1) problems.push(`functions.json: ${f.id} has repeating parameter "${p.name}" that is not the last.`);
    });
  }
  return problems;
}
