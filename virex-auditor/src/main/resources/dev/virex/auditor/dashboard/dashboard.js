// VIREX transparency dashboard: keeps the server-rendered page live. Every few seconds it reads
// /state; when the auditor's state has changed (its version), it fetches /dashboard again and
// swaps the content. All markup comes from the server, which escapes everything from the log;
// this script writes only text (textContent), never markup of its own.
(function () {
  'use strict';
  var body = document.body;
  var period = Number(body.getAttribute('data-refresh')) || 5000;
  var version = body.getAttribute('data-version');
  var refreshes = 0;
  var down = false;

  function live(text, isDown) {
    var el = document.getElementById('live');
    if (el) {
      el.textContent = text;
      el.classList.toggle('down', !!isDown);
    }
  }

  function swap(html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html');
    var next = fresh.getElementById('content');
    var current = document.getElementById('content');
    if (next && current) {
      current.replaceWith(document.importNode(next, true));
    }
    return fresh.body.getAttribute('data-version');
  }

  // The live line is announced to screen readers (aria-live): it changes only when the state or
  // the connection does, not at every poll.
  function refresh() {
    var changed = false;
    fetch('/state', {cache: 'no-store'})
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (state) {
        if (String(state.version) === version) { return state; }
        changed = true;
        return fetch('/dashboard', {cache: 'no-store'})
          .then(function (r) {
            if (!r.ok) { throw new Error('HTTP ' + r.status); }
            return r.text();
          })
          .then(function (html) { version = swap(html) || String(state.version); return state; });
      })
      .then(function (state) {
        refreshes++;
        body.setAttribute('data-refreshes', String(refreshes));
        body.setAttribute('data-version', version);
        if (changed || down || refreshes === 1) {
          live('Live: ' + state.verifiedEntries + ' entries verified; updated ' + state.time.replace('T', ' ').replace('Z', ' UTC')
            + ', checked every ' + Math.round(period / 1000) + ' seconds.', false);
        }
        down = false;
      })
      .catch(function (e) {
        if (!down) {
          live('Cannot reach the auditor (' + e.message + '); retrying every ' + Math.round(period / 1000) + ' seconds.', true);
        }
        down = true;
      })
      .then(function () { setTimeout(refresh, period); });
  }

  refresh();
}());
