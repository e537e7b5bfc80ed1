/* A small static server over dist/ for the preview, the end-to-end tests and the bench: plain
 * http on loopback (or https with a given certificate for Excel sideloading), no caching (so a
 * refreshed feed is fetched again), and in-memory overrides so a test can serve a changed feed
 * file without touching dist/. */
const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves a directory.
 * @param {object} options
 * @param {string} options.root - the directory to serve (dist/)
 * @param {number} [options.port] - 0 (default) picks a free port
 * @param {string} [options.host] - "127.0.0.1" by default
 * @param {{ key: string, cert: string }} [options.tls] - serve https with this key and certificate
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void>, override: (urlPath: string, body: string | Buffer | null, type?: string) => void, requests: string[] }>}
 */
async function startStaticServer({ root, port = 0, host = "127.0.0.1", tls } = {}) {
  const base = path.resolve(root);
  if (!fs.existsSync(base)) throw new Error(`${base} does not exist: build first (npm run build).`);
  /** @type {Map<string, { body: Buffer, type: string }>} */
  const overrides = new Map();
  const requests = [];
  const handler = (req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    requests.push(urlPath);
    const headers = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" };
    const override = overrides.get(urlPath);
    if (override) {
      res.writeHead(200, { ...headers, "Content-Type": override.type });
      res.end(req.method === "HEAD" ? undefined : override.body);
      return;
    }
    if (urlPath === "/favicon.ico") urlPath = "/assets/icon-32.png";
    let file = path.join(base, urlPath);
    if (!file.startsWith(base)) {
      res.writeHead(403, headers).end();
      return;
    }
    fs.stat(file, (err, stat) => {
      if (!err && stat.isDirectory()) {
        if (!urlPath.endsWith("/")) {
          res.writeHead(301, { ...headers, Location: `${urlPath}/` }).end();
          return;
        }
        file = path.join(file, "index.html");
      }
      fs.readFile(file, (readErr, body) => {
        if (readErr) {
          res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${urlPath}`);
          return;
        }
        res.writeHead(200, { ...headers, "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream" });
        res.end(req.method === "HEAD" ? undefined : body);
      });
    });
  };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  const shownHost = host === "127.0.0.1" || host === "::1" ? (tls ? "localhost" : "127.0.0.1") : host;
  return {
    url: `${tls ? "https" : "http"}://${shownHost}:${actual}/`,
    port: actual,
    requests,
    override(urlPath, body, type) {
      if (body === null) overrides.delete(urlPath);
      else overrides.set(urlPath, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), type: type ?? TYPES[path.extname(urlPath)] ?? "text/plain" });
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}

module.exports = { startStaticServer };
