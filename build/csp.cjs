/* The Content-Security-Policy every page of the add-in carries (a <meta> first in <head>). The pane
 * reads it back (src/taskpane/feed.ts, allowedFeedOrigins): the feed URL setting accepts only the
 * origins it allows, so a feed the page would block is refused when it is typed, with how to build
 * for it, instead of failing later as "offline, or blocked". */
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * The origins of the feeds a build may read besides its own: AIFIN_FEED_URL (or --env feedUrl),
 * one https URL or several separated by commas or spaces.
 * @param {string} feedUrls - "" for none
 * @returns {string[]} the origins, without duplicates
 */
function feedOrigins(feedUrls) {
  const origins = [];
  for (const text of String(feedUrls || "").split(/[\s,]+/).filter(Boolean)) {
    let url;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`The feed URL is not a URL: ${text}`);
    }
    if (url.protocol !== "https:") throw new Error(`The feed URL must be https: ${text}`);
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return origins;
}

/**
 * The Content-Security-Policy of every page: scripts only from the add-in and Office's CDN (no
 * inline script, no eval), connections only to the add-in's origin and the configured feeds.
 * @param {string} feedUrls - https feed URLs (see feedOrigins), or "" for the add-in's own origin only
 * @returns {string}
 */
function contentSecurityPolicy(feedUrls) {
  const feeds = feedOrigins(feedUrls).map((origin) => ` ${origin}`).join("");
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${feeds}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = { OFFICE_JS_ORIGIN, contentSecurityPolicy, feedOrigins };
