/**
 * The web tag customers put on their pages (Settings > Web tag shows the snippet). It records one page view per page
 * load and one per single-page-app navigation (history.pushState / replaceState and the back/forward popstate) to a
 * URL other than the last one it counted (the fragment ignored, so anchors and repeated replaceState calls are not
 * views) — URL, referrer (the previous page for an in-app navigation), time and an anonymous visitor id kept in
 * first-party storage — and sends nothing when the browser asks not to be tracked (Do Not Track, Global Privacy
 * Control) or the visitor opted out (`openabm.optOut()` sets the `openabm_optout=1` cookie, checked at every view).
 * sendBeacon posts text/plain, so no CORS preflight.
 */
export function tagScript(collectUrl: string): string {
  return `/* openabm web tag */
(function () {
  var script = document.currentScript;
  var key = script && script.getAttribute('data-openabm-key');
  var nav = navigator;
  var optOutCookie = /(?:^|;\\s*)openabm_optout=1/;
  window.openabm = {
    optOut: function () { document.cookie = 'openabm_optout=1; max-age=63158400; path=/; SameSite=Lax'; },
    optIn: function () { document.cookie = 'openabm_optout=; max-age=0; path=/; SameSite=Lax'; }
  };
  if (!key) return;
  if (nav.doNotTrack === '1' || window.doNotTrack === '1' || nav.msDoNotTrack === '1') return;
  if (nav.globalPrivacyControl === true) return;
  if (optOutCookie.test(document.cookie)) return;
  var visitorId = null;
  try { visitorId = window.localStorage.getItem('openabm_vid'); } catch (e) { visitorId = null; }
  if (!visitorId) { var match = /(?:^|;\\s*)openabm_vid=([A-Za-z0-9_-]{8,64})/.exec(document.cookie); visitorId = match && match[1]; }
  if (!visitorId) {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    visitorId = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  try { window.localStorage.setItem('openabm_vid', visitorId); } catch (e) { /* storage disabled: the cookie keeps the id */ }
  document.cookie = 'openabm_vid=' + visitorId + '; max-age=63158400; path=/; SameSite=Lax';
  var endpoint = ${JSON.stringify(collectUrl)};
  var counted = null;
  function view(referrer) {
    var url = location.href;
    var page = url.split('#')[0];
    if (page === counted || optOutCookie.test(document.cookie)) return;
    var previous = counted;
    counted = page;
    var body = JSON.stringify({ k: key, v: visitorId, u: url, r: referrer === undefined ? previous : referrer, t: Date.now() });
    if (nav.sendBeacon && nav.sendBeacon(endpoint, body)) return;
    fetch(endpoint, { method: 'POST', body: body, keepalive: true, mode: 'no-cors', headers: { 'Content-Type': 'text/plain' } });
  }
  view(document.referrer || null);
  var history = window.history;
  ['pushState', 'replaceState'].forEach(function (name) {
    var original = history && history[name];
    if (typeof original !== 'function') return;
    history[name] = function () {
      var result = original.apply(this, arguments);
      view();
      return result;
    };
  });
  window.addEventListener('popstate', function () { view(); });
})();
`;
}
