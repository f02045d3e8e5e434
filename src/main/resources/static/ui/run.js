// The live run page: reads the run and its Server-Sent Events with fetch, because the API authenticates every
// request by four headers and a browser cannot add headers to a navigation or to EventSource. The credentials
// are kept in sessionStorage (this tab only, gone when it closes), sent only to this origin, never put in a URL.
"use strict";

const HEADERS = ["dbUsername", "dbPassword", "username", "password"];
const STORE_KEY = "ctk.credentials";
const runId = decodeURIComponent(location.pathname.split("/").pop());
const $ = (id) => document.getElementById(id);
let streamAbort = null;

function credentials() {
  try { return JSON.parse(sessionStorage.getItem(STORE_KEY)); } catch (e) { return null; }
}

function headers(extra) {
  const c = credentials() || {};
  const h = new Headers(extra || {});
  HEADERS.forEach((name) => { if (c[name]) h.set(name, c[name]); });
  return h;
}

function showLogin(message) {
  if (streamAbort) { streamAbort.abort(); }
  $("timeline").hidden = true;
  $("login").hidden = false;
  $("login-error").textContent = message || "";
}

function setStatus(status, deviated) {
  const badge = $("status");
  const shown = status === "completed" && deviated ? "deviated" : status;
  badge.dataset.status = shown;
  badge.textContent = status === "completed" && deviated ? "completed · deviated" : status;
}

async function loadRun() {
  const response = await fetch("/experiments/" + encodeURIComponent(runId), {headers: headers({"Accept": "application/json"})});
  if (response.status === 401 || response.status === 429) {
    sessionStorage.removeItem(STORE_KEY);
    const body = await response.json().catch(() => ({}));
    showLogin(response.status === 401 ? "These credentials were not accepted." : (body.info || "Too many attempts."));
    return false;
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    showLogin(body.info || ("The run cannot be shown (" + response.status + ")."));
    return false;
  }
  const run = await response.json();
  document.title = run.title + " · dqualizer-ctk";
  $("title").textContent = run.title;
  $("run-id").textContent = run.run_id;
  setStatus(run.status, run.deviated);
  $("login").hidden = true;
  $("timeline").hidden = false;
  return true;
}

function section(phase) {
  return document.querySelector('section[data-phase="' + phase + '"]');
}

function row(phase, name, type) {
  const list = section(phase).querySelector("ol");
  section(phase).classList.remove("empty");
  const item = document.createElement("li");
  item.dataset.name = name;
  item.dataset.status = "running";
  const icon = document.createElement("span");
  icon.className = "icon";
  icon.textContent = "…";
  const label = document.createElement("span");
  label.className = "name";
  label.textContent = name;
  const kind = document.createElement("span");
  kind.className = "type";
  kind.textContent = type || "";
  const duration = document.createElement("span");
  duration.className = "duration";
  duration.textContent = "running";
  item.append(icon, label, kind, duration);
  list.append(item);
  return item;
}

function openRow(phase, name) {
  const rows = section(phase).querySelectorAll('li[data-status="running"]');
  for (const item of rows) {
    if (item.dataset.name === name) { return item; }
  }
  return null;
}

const ICONS = {succeeded: "✓", failed: "✗", error: "!", running: "…"};

const handlers = {
  "run-queued": () => { setStatus("queued", false); },
  "run-started": () => { setStatus("running", false); },
  "activity-started": (d) => { row(d.phase, d.name, d.type); },
  "activity-finished": (d) => {
    const item = openRow(d.phase, d.name) || row(d.phase, d.name, d.type);
    item.dataset.status = d.status;
    item.querySelector(".icon").textContent = ICONS[d.status] || "?";
    item.querySelector(".duration").textContent = typeof d.duration === "number" ? d.duration.toFixed(3) + " s" : d.status;
  },
  "hypothesis": (d) => {
    const list = section(d.phase).querySelector("ol");
    section(d.phase).classList.remove("empty");
    const verdict = document.createElement("li");
    verdict.className = "verdict";
    verdict.dataset.met = String(d.steady_state_met === true);
    const icon = document.createElement("span");
    icon.className = "icon";
    icon.textContent = d.steady_state_met ? "✓" : "✗";
    const text = document.createElement("span");
    text.textContent = d.steady_state_met ? "Steady state met"
      : "Steady state not met" + (d.missed_probe ? ": probe '" + d.missed_probe + "' missed its tolerance" : "");
    verdict.append(icon, text);
    list.append(verdict);
    // the probe itself ran (succeeded) but its value was out of tolerance: mark its row as the miss
    const probes = section(d.phase).querySelectorAll('li[data-status="succeeded"]');
    for (const item of probes) {
      if (d.missed_probe && item.dataset.name === d.missed_probe) {
        item.dataset.status = "missed";
        item.querySelector(".icon").textContent = "✗";
      }
    }
  },
  "run-finished": (d) => { setStatus(d.status, d.deviated); },
  "outcome": (d) => {
    $("outcome").textContent = d.status + (d.deviated ? " The steady state deviated." : "");
    $("stream-state").textContent = "The run has ended.";
  }
};

function dispatch(block) {
  let name = "message";
  const data = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) { name = line.slice(6).trim(); }
    else if (line.startsWith("data:")) { data.push(line.slice(5).replace(/^ /, "")); }
  }
  if (data.length === 0 || !handlers[name]) { return; } // comments (keep-alive) and unknown events
  handlers[name](JSON.parse(data.join("\n")));
}

async function follow() {
  ["hypothesis-before", "method", "hypothesis-during", "hypothesis-after", "rollback"].forEach((phase) => {
    section(phase).querySelector("ol").replaceChildren();
    section(phase).classList.add("empty");
  });
  streamAbort = new AbortController();
  $("stream-state").textContent = "Live: following the run's events.";
  const response = await fetch("/experiments/" + encodeURIComponent(runId) + "/events",
    {headers: headers({"Accept": "text/event-stream"}), signal: streamAbort.signal, cache: "no-store"});
  if (!response.ok || !response.body) {
    $("stream-state").textContent = "The event stream is not available (" + response.status + ").";
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const {value, done} = await reader.read();
    if (done) { break; }
    buffer += value.replace(/\r\n?/g, "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      dispatch(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
  if (!$("stream-state").textContent.startsWith("The run has ended")) {
    $("stream-state").textContent = "The event stream closed; reload the page to follow the run again.";
  }
}

async function start() {
  if (await loadRun()) {
    follow().catch((e) => {
      if (e.name !== "AbortError") { $("stream-state").textContent = "The event stream broke off: " + e.message; }
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("login").addEventListener("submit", (event) => {
    event.preventDefault();
    const c = {};
    HEADERS.forEach((name) => { c[name] = $(name).value; });
    sessionStorage.setItem(STORE_KEY, JSON.stringify(c));
    HEADERS.forEach((name) => { $(name).value = ""; });
    start();
  });
  $("sign-out").addEventListener("click", () => {
    sessionStorage.removeItem(STORE_KEY);
    showLogin("");
  });
  if (credentials()) { start(); } else { showLogin(""); }
});
