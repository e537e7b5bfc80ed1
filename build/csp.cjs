/* The Content-Security-Policy every page of the add-in carries (a <meta> first in <head>). */
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * The Content-Security-Policy of every page: scripts only from the add-in and Office's CDN (no
 * inline script, no eval), connections only to the add-in's origin and the configured feed.
 * @param {string} feedUrl - an https feed URL, or "" for the add-in's own origin only
 * @returns {string}
 */
function contentSecurityPolicy(feedUrl) {
  let feedOrigin = "";
  if (feedUrl) {
    const url = new URL(feedUrl);
    if (url.protocol !== "https:") throw new Error(`The feed URL must be https: ${feedUrl}`);
    feedOrigin = ` ${url.origin}`;
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${feedOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = { OFFICE_JS_ORIGIN, contentSecurityPolicy };
