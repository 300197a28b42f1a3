#!/usr/bin/env node
/* site/check/site-check.js -- open every page of the built site in headless
 * Chromium and check it, through the DevTools protocol over a pipe
 * (--remote-debugging-pipe: no port, no WebSocket, only node's own modules).
 *
 *   node site/check/site-check.js --site build/site --bin build/bin \
 *        --out build/site-check [--chromium chromium] [--wasm build/wasm/slope.wasm]
 *        [--build-file FILE] [--chapters chapters]
 *
 * For every page, at 1280 px and at 390 px wide: no console error or
 * uncaught exception, no failed request, no formula left as TeX, every image
 * loaded, no horizontal scrolling of the page, and every link to a page of
 * the site (and its #fragment) resolves.  It prints the first contentful
 * paint of each page and saves a screenshot of its top at both widths, and of
 * each live figure, into --out.  Each SVG figure of the site must draw pixel
 * for pixel as the one it was made from (--chapters DIR/NN-name/figures/). 
 *
 * For every live figure: each test case sets its parameters through the URL,
 * reads the readout and requires it to equal, line for line, the table the
 * chapter program prints with the same options (`BIN/NN-name --weave --opt v`);
 * then it moves each slider and requires the readout to change, the URL to
 * follow, and the update to fit in one frame.
 *
 * Budgets, printed at the end: the wasm module <= 300 KB, each page with
 * what it loads <= 2 MB, the last full `make site` <= 30 s on two cores
 * (its CPU time over 2), a figure's update <= 16 ms (the best of 15 at its
 * defaults, after 5 warm-up updates and a second's pause; on a machine shared with other work the
 * median is printed too).  Exit 0 when everything holds, 1 when a check fails, 2 on bad
 * usage (with a HINT). */
"use strict";

const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pathToFileURL, fileURLToPath } = require("node:url");

/* ---- the live figures' test cases ---------------------------------------------- */
/* figure -> its page, the program and table it mirrors, and parameter sets
 * (program option -> value) beyond the defaults.  Values are strings, given
 * to the program and the URL alike. */
const LIVE = {
  secant: { page: "01-derivatives", program: "01-derivatives", table: "secant",
            cases: [{}, { x0: "-1.5", h: "0.01" }, { x0: "0.3", h: "0.00112" }, { x0: "2", h: "1" }] },
  neuron: { page: "02-differentiation-rules", program: "02-differentiation-rules", table: "neuron",
            cases: [{}, { "neuron-w": "-1.3", "neuron-b": "2.4", "neuron-x": "-0.7" },
                    { "neuron-w": "3", "neuron-b": "3", "neuron-x": "3" }, { "neuron-w": "0", "neuron-b": "0", "neuron-x": "0" }] },
  arrows: { page: "03-gradients", program: "03-gradients", table: "arrows",
            cases: [{}, { w1: "-0.4", w2: "1.8" }, { w1: "0", w2: "-0" }, { w1: "-2", w2: "0.1" }] },
  hessian: { page: "04-jacobian-hessian", program: "04-jacobian-hessian", table: "hessian",
             cases: [{}, { a: "-1", b: "0.5", c: "-2", px: "0.3", py: "-1.2" }, { a: "1", b: "0", c: "-1", px: "0", py: "0" },
                     { a: "2", b: "4", c: "2", px: "-1.5", py: "1" }, { a: "0", b: "0", c: "0", px: "2", py: "2" }] },
  descent: { page: "05-gradient-descent", program: "05-gradient-descent", table: "descent",
             cases: [{}, { lr: "0.95", x0: "-2", steps: "40" }, { lr: "1.05", x0: "10", steps: "100" },
                     { lr: "0.5", x0: "-2", steps: "3" }, { lr: "1.1", x0: "-2", steps: "7" }] },
  roc: { page: "09-integration-auc", program: "09-integration-auc", table: "roc-auc",
         cases: [{}, { seed: "7", thresholds: "20" }, { seed: "0", thresholds: "2" }, { seed: "123", thresholds: "1000" },
                 { seed: "200", thresholds: "57" }] },
  xor: { page: "07-backpropagation", program: "07-backpropagation", table: "xor-training",
         cases: [{}, { lr: "2", epochs: "10000", hidden: "2", seed: "1" }, { lr: "0.05", epochs: "100", hidden: "16", seed: "12" },
                 { lr: "2", epochs: "20000", hidden: "16", seed: "15" }, { lr: "0.5", epochs: "10", hidden: "1", seed: "9" },
                 { lr: "1.5", epochs: "2500", hidden: "3", seed: "5" }] },
  rates: { page: "08-convexity-convergence", program: "08-convexity-convergence", table: "rate-check",
           cases: [{}, { "step-factor": "1.5", x0: "-3", y0: "0.5", steps: "120", kappa2: "200" },
                   { "step-factor": "0.25", x0: "5", y0: "5", steps: "400", kappa2: "1" },
                   { "step-factor": "1.95", x0: "6", y0: "-6", steps: "2", kappa2: "1000" },
                   { "step-factor": "1", x0: "0", y0: "0.5", steps: "77", kappa2: "3.16" }] },
  optimizers: { page: "06-optimizers", program: "06-optimizers", table: "your-run",
                cases: [{}, { lr: "0.1", beta: "0.5", w1: "-1.5", w2: "0.7", steps: "60", problem: "1" },
                        { lr: "0.3", beta: "0.99", w1: "2", w2: "1", steps: "200", problem: "1" },
                        { lr: "0.2", beta: "0.8", w1: "0.5", w2: "-1.2", steps: "100", problem: "2" },
                        { lr: "0.05", beta: "0", w1: "-3", w2: "2", steps: "400", problem: "2" }] },
};

const BUDGET = { wasmBytes: 300 * 1024, pageBytes: 2 * 1024 * 1024, buildMs: 30000, updateMs: 16 };

/* ---- command line ----------------------------------------------------------------- */
function usage(msg) {
  process.stderr.write("site-check: " + msg + "\nHINT: run it through make: make site-check\n");
  process.exit(2);
}
const opt = { chromium: "chromium", chapters: "chapters" };
for (let i = 2; require.main === module && i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === "--help") {
    process.stdout.write("usage: node site/check/site-check.js --site DIR --bin DIR --out DIR " +
                         "[--chromium PATH] [--wasm FILE] [--build-file FILE] [--chapters DIR]\n");
    process.exit(0);
  }
  const m = a.match(/^--(site|bin|out|chromium|wasm|build-file|chapters)$/);
  if (!m || i + 1 >= process.argv.length) usage("unknown option or missing value: " + a);
  opt[m[1]] = process.argv[++i];
}
if (require.main === module) {
  for (const k of ["site", "bin", "out"]) if (!opt[k]) usage("--" + k + " is required");
  if (!fs.existsSync(path.join(opt.site, "index.html"))) usage("no index.html in " + opt.site + " (run make site)");
}

const failures = [];
function fail(where, what) {
  failures.push(where + ": " + what);
  process.stdout.write("  FAIL " + where + ": " + what + "\n");
}

/* ---- Chromium over a pipe ------------------------------------------------------------ */
class Browser {
  constructor(exe) {
    this.profile = fs.mkdtempSync(path.join(os.tmpdir(), "slope-chromium-"));
    this.proc = spawn(exe, [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-extensions", "--hide-scrollbars", "--mute-audio",
      "--remote-debugging-pipe", "--user-data-dir=" + this.profile, "about:blank",
    ], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
    this.stderr = "";
    this.proc.stderr.on("data", (d) => { this.stderr += d; });
    this.out = this.proc.stdio[3];
    this.in = this.proc.stdio[4];
    this.id = 0;
    this.pending = new Map();
    this.listeners = [];
    let buf = Buffer.alloc(0);
    this.in.on("data", (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      let z;
      while ((z = buf.indexOf(0)) >= 0) {
        const msg = JSON.parse(buf.subarray(0, z).toString("utf8"));
        buf = buf.subarray(z + 1);
        this.dispatch(msg);
      }
    });
    this.exited = new Promise((resolve) => this.proc.on("exit", resolve));
    this.proc.on("exit", (code) => {
      for (const { reject } of this.pending.values())
        reject(new Error("chromium exited (" + code + "): " + this.stderr.slice(-500)));
      this.pending.clear();
    });
  }
  dispatch(msg) {
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(p.method + ": " + msg.error.message));
      else p.resolve(msg.result);
    } else {
      for (const l of this.listeners) l(msg);
    }
  }
  send(method, params, sessionId, timeoutMs = 30000) {
    const id = ++this.id;
    const msg = { id, method, params: params || {} };
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(method + ": no answer in " + timeoutMs + " ms"));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (r) => { clearTimeout(timer); resolve(r); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.out.write(JSON.stringify(msg) + "\0");
    });
  }
  on(fn) { this.listeners.push(fn); }
  async close() {
    try { await this.send("Browser.close", {}, null, 5000); } catch (e) { this.proc.kill("SIGKILL"); }
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 5000))]);
    if (this.proc.exitCode === null) this.proc.kill("SIGKILL");
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}

/* One tab, with its console errors and failed requests collected. */
class Tab {
  constructor(browser, sessionId) {
    this.b = browser;
    this.s = sessionId;
    this.errors = [];
    this.failed = [];
    this.bytes = 0;
    this.waiters = [];
    browser.on((m) => {
      if (m.sessionId !== this.s) return;
      const p = m.params;
      if (m.method === "Runtime.consoleAPICalled" && (p.type === "error" || p.type === "assert"))
        this.errors.push("console." + p.type + ": " + p.args.map((a) => a.value ?? a.description).join(" "));
      else if (m.method === "Runtime.exceptionThrown")
        this.errors.push("exception: " + (p.exceptionDetails.exception?.description || p.exceptionDetails.text));
      else if (m.method === "Log.entryAdded" && p.entry.level === "error")
        this.errors.push("log: " + p.entry.text + (p.entry.url ? " (" + p.entry.url + ")" : ""));
      else if (m.method === "Network.loadingFailed" && !p.canceled)
        this.failed.push(p.errorText + " " + (this.urls[p.requestId] || p.requestId));
      else if (m.method === "Network.requestWillBeSent")
        this.urls[p.requestId] = p.request.url;
      else if (m.method === "Network.responseReceived" && p.response.status >= 400)
        this.failed.push("HTTP " + p.response.status + " " + p.response.url);
      else if (m.method === "Network.loadingFinished")
        this.bytes += p.encodedDataLength || 0;
      for (const w of this.waiters.slice()) if (w.method === m.method) { w.resolve(p); this.waiters.splice(this.waiters.indexOf(w), 1); }
    });
    this.urls = {};
  }
  static async open(browser) {
    const { targetId } = await browser.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await browser.send("Target.attachToTarget", { targetId, flatten: true });
    const tab = new Tab(browser, sessionId);
    for (const d of ["Runtime", "Log", "Network", "Page"]) await tab.send(d + ".enable");
    await tab.send("Network.setCacheDisabled", { cacheDisabled: true });
    return tab;
  }
  send(method, params, timeoutMs) { return this.b.send(method, params, this.s, timeoutMs); }
  waitFor(method, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const w = { method, resolve };
      this.waiters.push(w);
      setTimeout(() => reject(new Error("no " + method + " in " + timeoutMs + " ms")), timeoutMs);
    });
  }
  async viewport(width, height) {
    await this.send("Emulation.setDeviceMetricsOverride",
                    { width, height, deviceScaleFactor: 1, mobile: width < 600 });
  }
  async goto(url) {
    this.errors = [];
    this.failed = [];
    this.bytes = 0;
    const loaded = this.waitFor("Page.loadEventFired");
    await this.send("Page.navigate", { url });
    await loaded;
    /* fonts, then the live figures (if any), then two frames */
    await this.eval(`(async () => {
      await document.fonts.ready;
      if (window.SLOPE_LIVE) await window.SLOPE_LIVE.ready;
      await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
      return true; })()`);
  }
  async eval(expr) {
    const r = await this.send("Runtime.evaluate", { expression: expr, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails)
      throw new Error("evaluate: " + (r.exceptionDetails.exception?.description || r.exceptionDetails.text));
    return r.result.value;
  }
  async screenshot(file, clip) {
    const params = { format: "png" };
    if (clip) { params.clip = { ...clip, scale: 1 }; params.captureBeyondViewport = true; }
    const { data } = await this.send("Page.captureScreenshot", params);
    fs.writeFileSync(file, Buffer.from(data, "base64"));
  }
}

/* ---- what a page is checked for, in the page ------------------------------------------ */
const PAGE_PROBE = `(() => {
  const out = { tex: [], spanMath: 0, images: [], links: [], ids: [], overflow: 0, fcp: null, live: [] };
  const skip = new Set(["PRE", "CODE", "SCRIPT", "STYLE", "ANNOTATION", "TEXTAREA"]);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let p = n.parentNode, inside = false;
    for (; p && p !== document.body; p = p.parentNode) if (skip.has(p.nodeName.toUpperCase())) { inside = true; break; }
    if (inside) continue;
    const m = n.nodeValue.match(/\\\\[A-Za-z]+|\\$\\$|\\$[^$\\s][^$]*\\$/);
    if (m) out.tex.push(m[0] + " in: " + n.nodeValue.trim().slice(0, 80));
  }
  out.spanMath = document.querySelectorAll("span.math, div.math").length;
  out.mathml = document.querySelectorAll("math").length;
  for (const img of document.images)
    out.images.push({ src: img.getAttribute("src"), ok: img.complete && img.naturalWidth > 0 });
  for (const a of document.querySelectorAll("a[href]")) out.links.push(a.getAttribute("href"));
  out.seeAlso = [...document.querySelectorAll("p.see-also a[href]")].map(a => a.getAttribute("href"));
  /* against the visual viewport: a phone browser widens its layout viewport
   * (window.innerWidth) to fit wide content, zooming the whole page out */
  out.overflow = Math.round(document.documentElement.scrollWidth - visualViewport.width);
  const paint = performance.getEntriesByType("paint").find(e => e.name === "first-contentful-paint");
  const nav = performance.getEntriesByType("navigation")[0];
  out.fcp = paint ? paint.startTime : nav ? nav.domContentLoadedEventEnd : null;
  for (const f of document.querySelectorAll("[data-live]"))
    out.live.push({ name: f.dataset.live, state: f.dataset.state || "", id: f.id,
                    inputs: f.querySelectorAll("input").length });
  return out;
})()`;

/* ---- the chapter programs' tables --------------------------------------------------------- */
function programTable(prog, table, args) {
  const argv = ["--weave"];
  for (const [k, v] of Object.entries(args)) argv.push("--" + k, v);
  const out = execFileSync(path.join(opt.bin, prog), argv, { encoding: "utf8", maxBuffer: 64 << 20 });
  const lines = out.split("\n");
  const start = lines.indexOf("@@ table " + table);
  if (start < 0) throw new Error(prog + " printed no table " + table);
  let end = start + 1;
  while (end < lines.length && !lines[end].startsWith("@@ table ")) end++;
  const body = lines.slice(start + 1, end);
  while (body.length && body[body.length - 1] === "") body.pop();
  return body.join("\n");
}

function firstDiff(a, b) {
  const x = a.split("\n"), y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if (x[i] !== y[i]) return "line " + (i + 1) + ":\n      page:    " + JSON.stringify(x[i]) +
                               "\n      program: " + JSON.stringify(y[i]);
  return "";
}

/* ---- main ------------------------------------------------------------------------------- */
async function main() {
  const t0 = Date.now();
  const site = path.resolve(opt.site);
  fs.mkdirSync(opt.out, { recursive: true });
  const pages = fs.readdirSync(site).filter((f) => f.endsWith(".html")).sort();
  const pageIds = {};
  const browser = new Browser(opt.chromium);
  let tab;
  try {
    await browser.send("Browser.getVersion", {}, null, 60000).then((v) =>
      process.stdout.write("site-check: " + v.product + ", " + pages.length + " pages\n"));
    tab = await Tab.open(browser);
  } catch (e) {
    usage("could not start " + opt.chromium + " with --remote-debugging-pipe: " + e.message +
          "\n(install Debian's chromium: make deps)");
  }
  const heaviest = { bytes: 0, page: "" };
  const liveSeen = new Set();
  const allLinks = [];
  let nexlinks = 0;

  for (const file of pages) {
    const name = file.replace(/\.html$/, "");
    const url = pathToFileURL(path.join(site, file)).href;
    await tab.viewport(1280, 900);
    await tab.goto(url);
    /* the same load at both widths: the phone width is a re-layout */
    for (const [width, height, tag] of [[1280, 900, "1280"], [390, 844, "390"]]) {
      if (tag !== "1280") {
        await tab.viewport(width, height);
        await tab.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
      }
      const probe = await tab.eval(PAGE_PROBE);
      const where = file + " @" + tag;
      if (tag === "1280") {
        for (const e of tab.errors) fail(file, e);
        for (const f of tab.failed) fail(file, "failed request: " + f);
        for (const t of probe.tex) fail(file, "raw TeX left: " + t);
        if (probe.spanMath) fail(file, probe.spanMath + " formula(s) left as TeX by pandoc (span.math)");
        for (const l of probe.live) if (l.state !== "ready") fail(file, "live figure " + l.name + " not ready: " + l.state);
        /* a chapter's page names every exercise of the chapter (06 and 06b) */
        const nn = /^(\d\d)-/.exec(file);
        if (nn) {
          const want = pages.filter((f) => f.startsWith("exercise-" + nn[1]));
          if (!want.length) fail(file, "no exercise page for chapter " + nn[1]);
          if (JSON.stringify(probe.seeAlso) !== JSON.stringify(want))
            fail(file, "the chapter's exercise box links " + JSON.stringify(probe.seeAlso) + ", not its exercises " +
                 JSON.stringify(want) + "\n  HINT: site/gen.lua writes them into the page's exercises: list");
          else nexlinks += want.length;
        }
        pageIds[file] = await tab.eval(`[...document.querySelectorAll("[id]")].map(e => e.id)`);
        probe.links.forEach((l) => allLinks.push([file, l]));
        if (tab.bytes > heaviest.bytes) { heaviest.bytes = tab.bytes; heaviest.page = file; }
        if (tab.bytes > BUDGET.pageBytes) fail(file, "page and assets weigh " + tab.bytes + " bytes > 2 MB");
        process.stdout.write("  page " + file.padEnd(40) + " first paint " +
                             (probe.fcp === null ? "?" : probe.fcp.toFixed(0) + " ms").padStart(8) +
                             "  " + (tab.bytes / 1024).toFixed(0).padStart(5) + " KB" +
                             "  " + String(probe.mathml).padStart(4) + " formulas" +
                             "  " + String(probe.images.length).padStart(2) + " images" +
                             (probe.live.length ? "  live: " + probe.live.map((l) => l.name).join(", ") : "") + "\n");
      }
      for (const img of probe.images) if (!img.ok) fail(where, "image did not load: " + img.src);
      if (probe.overflow > 1) fail(where, "the page scrolls sideways by " + probe.overflow + " px");
      await tab.screenshot(path.join(opt.out, name + "-" + tag + ".png"));
      for (const l of probe.live) {
        liveSeen.add(l.name);
        const rect = await tab.eval(`(() => { const r = document.getElementById(${JSON.stringify(l.id)}).getBoundingClientRect();
          return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height }; })()`);
        await tab.screenshot(path.join(opt.out, "live-" + l.name + "-" + tag + ".png"), rect);
      }
    }
  }

  /* every link to a page of the site resolves, with its fragment */
  let nlinks = 0;
  for (const [from, href] of allLinks) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("file:")) continue; /* external */
    nlinks++;
    const [p, frag] = href.split("#");
    const target = p === "" ? from : path.normalize(p);
    const abs = path.join(site, target);
    if (!fs.existsSync(abs)) { fail(from, "link to a missing file: " + href); continue; }
    if (frag && target.endsWith(".html")) {
      let ids = pageIds[target];
      if (!ids) ids = [...fs.readFileSync(abs, "utf8").matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      if (!ids.includes(decodeURIComponent(frag))) fail(from, "link to a missing anchor: " + href);
    }
  }
  const tPages = Date.now();
  process.stdout.write("site-check: " + pages.length + " pages at two widths in " + ((tPages - t0) / 1000).toFixed(1) + " s\n");
  process.stdout.write("site-check: every chapter page links all its exercises (" + nexlinks + " links)\n");
  process.stdout.write("site-check: " + nlinks + " internal links resolve" +
                       (failures.some((f) => /link to/.test(f)) ? " (except those above)" : "") + "\n");

  /* every lesson figure the site serves draws the same as the committed one
   * (site/svgmin.lua rewrites the SVGs): both rendered, pixel for pixel */
  let nsvg = 0, nsvgAll = 0;
  const figRoot = path.join(site, "figures");
  for (const ch of fs.existsSync(figRoot) ? fs.readdirSync(figRoot).sort() : []) {
    for (const f of fs.readdirSync(path.join(figRoot, ch)).filter((f) => f.endsWith(".svg")).sort()) {
      const orig = path.join(opt.chapters, ch, "figures", f);
      nsvgAll++;
      if (!fs.existsSync(orig)) { fail("figures/" + ch + "/" + f, "no " + orig + " it was made from"); continue; }
      const shots = [];
      for (const file of [orig, path.join(figRoot, ch, f)]) {
        await tab.goto(pathToFileURL(path.resolve(file)).href);
        const size = await tab.eval(`(() => { const r = document.documentElement.getBoundingClientRect();
          return { width: Math.ceil(r.width), height: Math.ceil(r.height) }; })()`);
        const { data } = await tab.send("Page.captureScreenshot", { format: "png", captureBeyondViewport: true,
                                                                    clip: { x: 0, y: 0, ...size, scale: 1 } });
        shots.push(data);
      }
      if (shots[0] !== shots[1])
        fail("figures/" + ch + "/" + f, "draws differently from " + orig +
             "\n  HINT: site/svgmin.lua must only merge groups that change nothing; compare the two files");
      else nsvg++;
    }
  }
  process.stdout.write("site-check: " + nsvg + " figures draw pixel for pixel as the committed SVGs\n");

  /* the live figures: readout == program table, and they answer input */
  const updates = [];
  await tab.viewport(1280, 900);
  for (const [fig, spec] of Object.entries(LIVE)) {
    if (!liveSeen.has(fig)) { fail(fig, "live figure not found on " + spec.page + ".html"); continue; }
    const base = pathToFileURL(path.join(site, spec.page + ".html")).href;
    /* the first case that sets parameters comes in through the URL, the
     * others through the sliders, as a reader sets them */
    const viaUrl = spec.cases.find((c) => Object.keys(c).length) || {};
    const q = Object.entries(viaUrl).map(([k, v]) => encodeURIComponent(fig + "." + k) + "=" + encodeURIComponent(v)).join("&");
    await tab.goto(base + (q ? "?" + q : ""));
    for (const c of [viaUrl].concat(spec.cases.filter((c) => c !== viaUrl))) {
      const how = c === viaUrl ? "URL" : "sliders";
      if (c !== viaUrl) {
        const all = {};
        for (const p of await tab.eval(`[...document.querySelectorAll('[data-live="${fig}"] input[type=range]')].map(i => i.name)`))
          all[p] = c[p] !== undefined ? c[p] : null;
        await tab.eval(`(() => {
          const host = document.querySelector('[data-live="${fig}"]');
          const spec = window.SLOPE_LIVE.figures["${fig}"];
          const want = ${JSON.stringify(all)};
          for (const q of spec.params) {
            const v = want[q.name] === null ? q.value : parseFloat(want[q.name]);
            const input = host.querySelector('input[name="' + q.name + '"]');
            input.value = String(q.log ? Math.log10(v) : v);
            input.dispatchEvent(new Event("input", { bubbles: true }));
          }
        })()`);
      }
      const shown = await tab.eval(`document.querySelector('[data-live="${fig}"] pre.readout').textContent`);
      const want = programTable(spec.program, spec.table, c);
      const args = Object.entries(c).map(([k, v]) => "--" + k + " " + v).join(" ") || "(defaults)";
      if (shown !== want)
        fail(fig, "readout (set by " + how + ") differs from " + spec.program + " " + args + ", " + firstDiff(shown, want) +
             "\n  HINT: live_" + fig + " in site/wasm/widgets.c prints the table " + spec.table + " of chapters/" +
             spec.program + "/; make the two print the same lines");
      else process.stdout.write("  live " + fig.padEnd(10) + " = " + spec.program + " " + args + ", table " + spec.table +
                                " (" + want.split("\n").length + " lines, set by " + how + ")\n");
    }
    /* each slider: move it, the readout and the URL follow, in one frame */
    await tab.goto(base);
    const names = await tab.eval(`[...document.querySelectorAll('[data-live="${fig}"] input[type=range]')].map(i => i.name)`);
    if (!names.length) fail(fig, "has no input");
    for (const n of names) {
      const r = await tab.eval(`(() => {
        const host = document.querySelector('[data-live="${fig}"]');
        const input = host.querySelector('input[name="${n}"]');
        const before = host.querySelector("pre.readout").textContent;
        const v = parseFloat(input.value), lo = parseFloat(input.min), hi = parseFloat(input.max), st = parseFloat(input.step);
        const next = [v + 3 * st, v - 3 * st, v + st, v - st, hi, lo].find(x => x >= lo && x <= hi && x !== v);
        input.value = String(next);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        return { changed: host.querySelector("pre.readout").textContent !== before,
                 url: location.search, ms: parseFloat(host.dataset.updateMs) };
      })()`);
      if (!r.changed) fail(fig, "moving " + n + " did not change the readout");
      if (!r.url.includes(encodeURIComponent(fig + "." + n) + "=")) fail(fig, "moving " + n + " left the URL without it: " + r.url);
      updates.push({ fig, n, ms: r.ms });
    }
    /* the update time at the default parameters, the budget's measure: the
     * best and the median of 15 updates (the page afresh: the slider test
     * above left its parameters elsewhere) */
    await tab.goto(base);
    const ms = await tab.eval(`(async () => {
      const host = document.querySelector('[data-live="${fig}"]');
      const input = host.querySelector("input[type=range]");
      /* alternate the first slider between its default and the next value, so
       * every update recomputes (no cache of the previous state helps) */
      const v0 = parseFloat(input.value), st = parseFloat(input.step) || 0.01;
      const v1 = v0 + st <= parseFloat(input.max) ? v0 + st : v0 - st, t = [];
      /* five updates first, not counted, then a second's pause: V8 runs a
       * fresh module's functions as baseline code until its optimizing
       * compiler, on a background thread, has caught up with the hot ones.
       * That is a reader's first few updates after the page opens; on a
       * loaded machine the background compile can take a while longer. */
      for (let i = 0; i < 5; i++) { input.value = String(i % 2 ? v1 : v0); input.dispatchEvent(new Event("input", { bubbles: true })); }
      await new Promise((r) => setTimeout(r, 1000));
      input.value = String(v0); input.dispatchEvent(new Event("input", { bubbles: true }));
      for (let i = 0; i < 15; i++) {
        input.value = String(i % 2 ? v1 : v0); input.dispatchEvent(new Event("input", { bubbles: true }));
        t.push(parseFloat(host.dataset.updateMs));
      }
      t.sort((a, b) => a - b);
      return [t[0], t[7]]; })()`);
    updates.push({ fig, n: "default", ms: ms[0], medianMs: ms[1], median: true });
    process.stdout.write("  live " + fig.padEnd(10) + " updates in " + ms[0] + " ms (best of 15), " + ms[1] + " ms (median)\n");
    const stepper = await tab.eval(`!!document.querySelector('[data-live="${fig}"] button[data-action=step]')`);
    if (stepper) {
      const ok = await tab.eval(`(() => {
        const host = document.querySelector('[data-live="${fig}"]');
        host.querySelector("button[data-action=reset]").click();
        const a = host.querySelector("svg").innerHTML;
        host.querySelector("button[data-action=step]").click();
        return host.querySelector("svg").innerHTML !== a; })()`);
      if (!ok) fail(fig, "the Step button did not change the figure");
    }
    for (const e of tab.errors) fail(fig, e);
  }
  await browser.close();
  process.stdout.write("site-check: " + Object.keys(LIVE).length + " live figures checked in " +
                       ((Date.now() - tPages) / 1000).toFixed(1) + " s\n");

  /* budgets */
  const wasmBytes = opt.wasm && fs.existsSync(opt.wasm) ? fs.statSync(opt.wasm).size : null;
  let build = null;
  if (opt["build-file"] && fs.existsSync(opt["build-file"])) {
    const [wall, cpu] = fs.readFileSync(opt["build-file"], "utf8").trim().split(/\s+/).map(Number);
    build = { wall, cpu };
  }
  const worst = updates.filter((u) => u.median).reduce((a, u) => (u.ms > a.ms ? u : a), { ms: 0, fig: "" });
  function budget(name, value, limit, unit, what) {
    const ok = value === null || value <= limit;
    process.stdout.write("bench: " + name + " " + (value === null ? "unknown" : value) + " " + unit +
                         " budget=" + limit + " " + unit + " " + (value === null ? "(not measured)" : ok ? "ok" : "OVER") +
                         (what ? "  " + what : "") + "\n");
    if (!ok) fail("budget", name + " = " + value + " " + unit + " > " + limit);
  }
  budget("site_wasm_size", wasmBytes, BUDGET.wasmBytes, "bytes", opt.wasm);
  budget("site_page_weight", heaviest.bytes, BUDGET.pageBytes, "bytes", "heaviest: " + heaviest.page);
  budget("site_build_time", build && Math.round(build.cpu / 2), BUDGET.buildMs, "ms",
         build ? "the last full make site: " + build.cpu + " ms of CPU over 2 cores; wall clock " + build.wall +
                 " ms (load average now " + os.loadavg()[0].toFixed(1) + ")" : "no full make site recorded yet");
  budget("site_update_time", worst.ms, BUDGET.updateMs, "ms", "slowest live figure at its defaults, best of 15 " +
         "(what the update costs; other load on the machine only adds): " + worst.fig + ", median " + worst.medianMs + " ms");
  process.stdout.write("site-check: screenshots in " + opt.out + "/ (" + ((Date.now() - t0) / 1000).toFixed(1) + " s)\n");
  const nchecks = pages.length * 2 + nsvgAll + Object.values(LIVE).reduce((a, s) => a + s.cases.length, 0) + updates.length;
  process.stdout.write("site-check: " + (nchecks - failures.length) + " passed, " + failures.length + " failed\n");
  process.exit(failures.length ? 1 : 0);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write("site-check: " + (e.stack || e) + "\n");
    process.exit(1);
  });
} else {
  module.exports = { Browser, Tab }; /* for a one-off script that drives the same browser */
}
