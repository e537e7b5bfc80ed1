/* Types of preview-server.cjs for the TypeScript that uses it (end-to-end tests, bench). */
export interface StaticServer {
  /** "http://127.0.0.1:PORT/" */
  readonly url: string;
  readonly port: number;
  /** Paths requested, in order. */
  readonly requests: string[];
  /** Serves `body` at `urlPath` instead of the file (null removes the override). */
  override(urlPath: string, body: string | Buffer | null, type?: string): void;
  close(): Promise<void>;
}

export function startStaticServer(options: { root: string; port?: number; host?: string; tls?: { key: string; cert: string } }): Promise<StaticServer>;
