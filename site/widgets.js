/* site/widgets.js -- the live figures of the course's website.
 *
 * The numbers come from libslope compiled to WebAssembly (site/wasm/widgets.c,
 * embedded as base64 by slope-wasm.js); this file only wires the inputs to
 * those exports and draws their results as SVG in the colours of the
 * lessons' figures (plots/style.gp).  Each figure's readout is the table its
 * chapter program prints with the same options, and the command line that
 * prints it is shown beneath.
 *
 * A figure's parameters live in the page's URL as ?NAME.PARAM=VALUE (for
 * example 05-gradient-descent.html?descent.lr=0.95), so a state can be linked.
 * window.SLOPE_LIVE.ready resolves once every figure of the page is drawn; the
 * browser check waits for it.  Each figure's element gets data-update-ms, the
 * time its last update took (inputs -> wasm -> SVG -> readout). */
(function () {
  "use strict";

  var C = { ink: "#1a1a1a", blue: "#0072B2", red: "#D55E00", green: "#009E73", orange: "#E69F00",
            sky: "#56B4E9", purple: "#CC79A7", yellow: "#F0E442", grey: "#8c8c8c", grid: "#e3e3e3",
            contour: "#9ab8d6" };
  var SVGNS = "http://www.w3.org/2000/svg";

  /* ---- the WebAssembly module -------------------------------------------------- */

  function wasiStub(name) {
    return function () {
      console.error("slope.wasm called " + name + ": the live figures never do I/O");
      return 52; /* ENOSYS */
    };
  }

  function loadModule() {
    var bin = atob(window.SLOPE_WASM_BASE64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var imports = { wasi_snapshot_preview1: {
      fd_write: wasiStub("fd_write"), fd_close: wasiStub("fd_close"), fd_seek: wasiStub("fd_seek") } };
    return WebAssembly.instantiate(bytes, imports).then(function (r) {
      var e = r.instance.exports;
      e._initialize();
      return {
        e: e,
        text: function () {
          var p = e.live_text(), n = e.live_text_len();
          return new TextDecoder().decode(new Uint8Array(e.memory.buffer, p, n));
        },
        data: function () {
          return new Float64Array(e.memory.buffer, e.live_data(), e.live_ndata());
        }
      };
    });
  }

  /* ---- SVG drawing --------------------------------------------------------------- */

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVGNS, name);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, s, attrs) {
    var a = { x: x, y: y, "font-size": 13, fill: "#333", "font-family": "DejaVu Sans, sans-serif" };
    for (var k in attrs || {}) a[k] = attrs[k];
    var t = el("text", a, parent);
    t.textContent = s;
    return t;
  }

  /* A plot frame: data coordinates [x0, x1] x [y0, y1] into the SVG's box,
   * with the figures' grid, left and bottom border, ticks and labels. */
  function frame(svg, box, opt) {
    var W = box.w, H = box.h, m = opt.margin || { l: 48, r: 14, t: 26, b: 36 };
    var sx = (W - m.l - m.r) / (opt.x1 - opt.x0), sy = (H - m.t - m.b) / (opt.y1 - opt.y0);
    var p = {
      X: function (x) { return m.l + (x - opt.x0) * sx; },
      Y: function (y) { return H - m.b - (y - opt.y0) * sy; },
      ix: function (px) { return opt.x0 + (px - m.l) / sx; },
      iy: function (py) { return opt.y0 + (H - m.b - py) / sy; },
      m: m, W: W, H: H, opt: opt
    };
    var g = el("g", {}, svg);
    (opt.xticks || []).forEach(function (t) {
      el("line", { x1: p.X(t), x2: p.X(t), y1: m.t, y2: H - m.b, stroke: C.grid }, g);
      text(g, p.X(t), H - m.b + 17, fmtTick(t), { "text-anchor": "middle" });
    });
    (opt.yticks || []).forEach(function (t) {
      el("line", { x1: m.l, x2: W - m.r, y1: p.Y(t), y2: p.Y(t), stroke: C.grid }, g);
      text(g, m.l - 6, p.Y(t) + 4, (opt.yfmt || fmtTick)(t), { "text-anchor": "end" });
    });
    el("path", { d: "M" + m.l + "," + m.t + "V" + (H - m.b) + "H" + (W - m.r), fill: "none", stroke: "#555" }, g);
    if (opt.xlabel) text(g, W - m.r, H - 4, opt.xlabel, { "text-anchor": "end", "font-style": "italic" });
    if (opt.ylabel) text(g, m.l - 6, m.t - 10, opt.ylabel, { "font-style": "italic" });
    var clip = "clip" + Math.random().toString(36).slice(2);
    var cp = el("clipPath", { id: clip }, svg);
    el("rect", { x: m.l, y: m.t, width: W - m.l - m.r, height: H - m.t - m.b }, cp);
    p.g = el("g", { "clip-path": "url(#" + clip + ")" }, svg);
    return p;
  }

  function fmtTick(t) {
    var s = Math.abs(t) >= 1e4 || (t !== 0 && Math.abs(t) < 1e-3) ? t.toExponential(0) : String(+t.toPrecision(6));
    return s.replace("-", "\u2212");
  }

  /* 10 to the power e, with a superscript exponent: the tick of a log axis. */
  function pow10(e) {
    var sup = { "-": "\u207b", "0": "\u2070", "1": "\u00b9", "2": "\u00b2", "3": "\u00b3", "4": "\u2074",
                "5": "\u2075", "6": "\u2076", "7": "\u2077", "8": "\u2078", "9": "\u2079" };
    return e === 0 ? "1" : "10" + String(e).split("").map(function (c) { return sup[c]; }).join("");
  }

  function ticks(a, b, n) {
    var span = b - a, step = Math.pow(10, Math.floor(Math.log10(span / n)));
    [1, 2, 5, 10].some(function (k) { if (span / (k * step) <= n) { step *= k; return true; } return false; });
    var out = [];
    for (var t = Math.ceil(a / step) * step; t <= b + 1e-9 * span; t += step) out.push(+t.toPrecision(12));
    return out;
  }

  function path(p, xs, ys, attrs, parent) {
    var d = "";
    for (var i = 0; i < xs.length; i++) {
      if (!isFinite(xs[i]) || !isFinite(ys[i])) continue;
      d += (d ? "L" : "M") + p.X(xs[i]).toFixed(2) + "," + p.Y(ys[i]).toFixed(2);
    }
    var a = { d: d, fill: "none", "stroke-width": 2.4, "stroke-linejoin": "round" };
    for (var k in attrs) a[k] = attrs[k];
    return el("path", a, parent || p.g);
  }

  function dot(p, x, y, r, colour, parent) {
    return el("circle", { cx: p.X(x), cy: p.Y(y), r: r, fill: colour, stroke: "#fff", "stroke-width": 1.2 }, parent || p.g);
  }

  /* An arrow from (x, y) by (dx, dy) in data units, its head drawn as a path. */
  function arrow(p, x, y, dx, dy, colour, width) {
    var x0 = p.X(x), y0 = p.Y(y), x1 = p.X(x + dx), y1 = p.Y(y + dy);
    var len = Math.hypot(x1 - x0, y1 - y0);
    var g = el("g", {}, p.g);
    if (len < 1) return g;
    var ux = (x1 - x0) / len, uy = (y1 - y0) / len, hl = Math.min(14, len * 0.5), hw = hl * 0.45;
    var bx = x1 - ux * hl, by = y1 - uy * hl;
    el("line", { x1: x0, y1: y0, x2: bx, y2: by, stroke: colour, "stroke-width": width || 3.5 }, g);
    el("path", { d: "M" + x1 + "," + y1 + "L" + (bx - uy * hw) + "," + (by + ux * hw) + "L" + (bx + uy * hw) +
                 "," + (by - ux * hw) + "Z", fill: colour }, g);
    return g;
  }

  function legend(host, items) {
    var div = document.createElement("div");
    div.className = "legend";
    items.forEach(function (it) {
      var span = document.createElement("span");
      var i = document.createElement("i");
      i.style.borderTopColor = it[0];
      if (it[2]) i.style.borderTopStyle = "dashed";
      span.appendChild(i);
      span.appendChild(document.createTextNode(it[1]));
      div.appendChild(span);
    });
    host.appendChild(div);
  }

  /* ---- the figures ---------------------------------------------------------------- */
  /* Each: a title, the chapter program and table it mirrors, its parameters
   * (name, label, slider range, default; `log` sliders move log10 of the
   * value, which is kept to 3 significant digits), run(m, p) -> status from
   * the wasm export, and draw(svg, p, d) from the data. */

  var FIGURES = {};

  FIGURES.secant = {
    title: "From secant to tangent",
    note: "f(x) = x\u00b2: drag the point or move the sliders; shrink h and the secant turns into the tangent",
    program: "01-derivatives", ch: "01", table: "secant",
    params: [
      { name: "x0", label: "x\u2080", min: -2, max: 2, step: 0.05, value: 1 },
      { name: "h", label: "h", log: true, min: -3, max: 0, step: 0.05, value: 0.25 }
    ],
    base: { w: 640, h: 360 },
    run: function (m, p) { return m.e.live_secant(p.x0, p.h, -3, 3, 121); },
    draw: function (svg, p, d) {
      var pl = frame(svg, this.box, { x0: -3, x1: 3, y0: -1, y1: 9, xticks: ticks(-3, 3, 7), yticks: ticks(-1, 9, 6),
                                      xlabel: "x", ylabel: "f(x) = x\u00b2" });
      var s = d[0], fx = d[1], fxh = d[2], t = d[3], xs = [], ys = [];
      for (var i = 4; i + 1 < d.length; i += 2) { xs.push(d[i]); ys.push(d[i + 1]); }
      path(pl, xs, ys, { stroke: C.ink });
      path(pl, [-3, 3], [fx + t * (-3 - p.x0), fx + t * (3 - p.x0)], { stroke: C.red, "stroke-width": 2 });
      path(pl, [-3, 3], [fx + s * (-3 - p.x0), fx + s * (3 - p.x0)],
           { stroke: C.orange, "stroke-width": 2.2, "stroke-dasharray": "8 5" });
      dot(pl, p.x0 + p.h, fxh, 5, C.orange);
      this.handle = dot(pl, p.x0, fx, 7, C.red);
      this.handle.setAttribute("class", "handle");
      this.plot = pl;
    },
    legend: [[C.ink, "f(x) = x\u00b2"], [C.orange, "secant through x\u2080 and x\u2080 + h", true],
             [C.red, "tangent at x\u2080, slope 2x\u2080"]],
    drag: function (pl, px, py) { return { x0: Math.round(pl.ix(px) / 0.05) * 0.05 }; }
  };

  FIGURES.neuron = {
    title: "The chain rule in one neuron, y = \u03c3(w x + b)",
    note: "move w, b and x: the slope dy/dw is the sigmoid's slope at z times x",
    program: "02-differentiation-rules", ch: "02", table: "neuron",
    params: [
      { name: "neuron-w", label: "w", min: -3, max: 3, step: 0.1, value: 0.5 },
      { name: "neuron-b", label: "b", min: -3, max: 3, step: 0.1, value: 0.1 },
      { name: "neuron-x", label: "x", min: -3, max: 3, step: 0.1, value: 2 }
    ],
    base: { w: 640, h: 320 },
    run: function (m, p) { return m.e.live_neuron(p["neuron-w"], p["neuron-b"], p["neuron-x"], -10, 10, 161); },
    draw: function (svg, p, d) {
      var pl = frame(svg, this.box, { x0: -10, x1: 10, y0: -0.08, y1: 1.08, xticks: ticks(-10, 10, 10), yticks: [0, 0.25, 0.5, 0.75, 1],
                                      xlabel: "z = w x + b", ylabel: "y = \u03c3(z)" });
      var z = d[0], y = d[1], s = d[2], xs = [], ys = [];
      for (var i = 4; i + 1 < d.length; i += 2) { xs.push(d[i]); ys.push(d[i + 1]); }
      path(pl, xs, ys, { stroke: C.ink });
      path(pl, [z - 3, z + 3], [y - 3 * s, y + 3 * s], { stroke: C.green, "stroke-width": 2.2 });
      el("line", { x1: pl.X(z), x2: pl.X(z), y1: pl.Y(0), y2: pl.Y(y), stroke: C.grey, "stroke-dasharray": "4 4" }, pl.g);
      dot(pl, z, y, 7, C.red);
      text(svg, pl.W - pl.m.r - 4, pl.m.t - 8, "dy/dz = " + (+s.toPrecision(4)) + ",  dy/dw = dy/dz \u00b7 x = " +
           (+d[3].toPrecision(4)), { "text-anchor": "end" });
    },
    legend: [[C.ink, "\u03c3(z)"], [C.green, "its tangent at z: slope dy/dz = \u03c3(z)(1 \u2212 \u03c3(z))"]]
  };

  FIGURES.arrows = {
    title: "The gradient and its negative on L = w\u2081\u00b2 + w\u2082\u00b2",
    note: "drag the point or move the sliders: \u2207L points straight uphill, \u2212\u2207L straight down to the minimum",
    program: "03-gradients", ch: "03", table: "arrows",
    params: [
      { name: "w1", label: "w\u2081", min: -2, max: 2, step: 0.1, value: 1.5 },
      { name: "w2", label: "w\u2082", min: -2, max: 2, step: 0.1, value: 1 }
    ],
    base: { w: 520, h: 460 },
    run: function (m, p) { return m.e.live_arrows(p.w1, p.w2); },
    draw: function (svg, p, d) {
      var pl = frame(svg, this.box, { x0: -3, x1: 3, y0: -2.6, y1: 2.6, xticks: ticks(-3, 3, 7), yticks: ticks(-2.5, 2.5, 6),
                                      xlabel: "w\u2081", ylabel: "w\u2082" });
      [0.25, 1, 2, 3.25, 5, 7, 9.5, 12.5].forEach(function (c) {
        var r = Math.sqrt(c);
        el("ellipse", { cx: pl.X(0), cy: pl.Y(0), rx: pl.X(r) - pl.X(0), ry: pl.Y(0) - pl.Y(r),
                        fill: "none", stroke: C.contour, "stroke-width": 1.2 }, pl.g);
      });
      var scale = 0.25; /* arrows at a quarter of their length, as in the lesson's figure */
      arrow(pl, p.w1, p.w2, scale * d[1], scale * d[2], C.red);
      arrow(pl, p.w1, p.w2, -scale * d[1], -scale * d[2], C.green);
      el("path", { d: "M" + (pl.X(0) - 7) + "," + pl.Y(0) + "h14M" + pl.X(0) + "," + (pl.Y(0) - 7) + "v14",
                   stroke: C.ink, "stroke-width": 2 }, pl.g);
      this.handle = dot(pl, p.w1, p.w2, 7, C.ink);
      this.handle.setAttribute("class", "handle");
      this.plot = pl;
    },
    legend: [[C.red, "\u2207L: steepest ascent (\u00bc of its length)"], [C.green, "\u2212\u2207L: steepest descent"],
             [C.contour, "contours of L"]],
    drag: function (pl, px, py) {
      return { w1: Math.round(pl.ix(px) * 10) / 10, w2: Math.round(pl.iy(py) * 10) / 10 };
    }
  };

  FIGURES.hessian = {
    title: "The Hessian of f(x, y) = a x\u00b2 + b xy + c y\u00b2",
    note: "set the coefficients: the eigenvalues' signs decide bowl, hill or saddle; drag the point to see the gradient there",
    program: "04-jacobian-hessian", ch: "04", table: "hessian",
    params: [
      { name: "a", label: "a", min: -3, max: 3, step: 0.25, value: 1 },
      { name: "b", label: "b", min: -6, max: 6, step: 0.25, value: 4 },
      { name: "c", label: "c", min: -3, max: 3, step: 0.25, value: 1 },
      { name: "px", label: "point x", min: -2, max: 2, step: 0.1, value: 1 },
      { name: "py", label: "point y", min: -2, max: 2, step: 0.1, value: 0.5 }
    ],
    base: { w: 520, h: 460 },
    run: function (m, p) { return m.e.live_hessian(p.a, p.b, p.c, p.px, p.py, 1e-4, 1e-6); },
    draw: function (svg, p, d, shown, m) {
      var X0 = -2.6, X1 = 2.6, Y0 = -2.3, Y1 = 2.3, nx = 45, ny = 40;
      var pl = frame(svg, this.box, { x0: X0, x1: X1, y0: Y0, y1: Y1, xticks: ticks(-2.5, 2.5, 6), yticks: ticks(-2, 2, 5),
                                      xlabel: "x", ylabel: "y" });
      /* the contours depend on a, b, c and the drawing's size only */
      var key = [p.a, p.b, p.c, this.box.w].join("/");
      if (!this.cache || this.cache.key !== key) {
        m.e.live_hessian_grid(p.a, p.b, p.c, X0, X1, nx, Y0, Y1, ny);
        var g = m.data().slice(), top = 0, up = [], down = [];
        for (var i = 0; i < g.length; i++) top = Math.max(top, Math.abs(g[i]));
        for (var q = 1; q <= 7; q++) { up.push(top * q / 8); down.push(-top * q / 8); }
        this.cache = { key: key, up: top > 0 ? contours(pl, g, nx, ny, X0, X1, Y0, Y1, up) : "",
                       down: top > 0 ? contours(pl, g, nx, ny, X0, X1, Y0, Y1, down) : "" };
      }
      el("path", { d: this.cache.up, fill: "none", stroke: C.blue, "stroke-opacity": 0.55, "stroke-width": 1.2 }, pl.g);
      el("path", { d: this.cache.down, fill: "none", stroke: C.red, "stroke-opacity": 0.55, "stroke-width": 1.2 }, pl.g);
      /* the eigenvectors through the origin, blue where f curves up, red down */
      for (var k = 0; k < 2; k++) {
        var lam = d[4 + k], vx = d[6 + k], vy = d[8 + k], L = 2.4;
        var col = lam > 1e-6 ? C.blue : lam < -1e-6 ? C.red : C.grey;
        el("line", { x1: pl.X(-L * vx), y1: pl.Y(-L * vy), x2: pl.X(L * vx), y2: pl.Y(L * vy), stroke: col,
                     "stroke-width": 2.5, "stroke-dasharray": "10 5" }, pl.g);
        text(pl.g, pl.X(1.9 * vx) + 6, pl.Y(1.9 * vy) - 6, "\u03bb = " + (+lam.toPrecision(4)), { fill: col, "font-weight": 700 });
      }
      var gs = 0.15, gx = d[10], gy = d[11];
      arrow(pl, p.px, p.py, -gs * gx, -gs * gy, C.green, 3);
      this.handle = dot(pl, p.px, p.py, 7, C.ink);
      this.plot = pl;
      var names = { "-1": "local max", "0": "saddle point", "1": "local min", "2": "inconclusive" };
      text(svg, pl.W - pl.m.r - 4, pl.m.t - 8, "at the origin: " + names[String(d[12])], { "text-anchor": "end", "font-weight": 700 });
    },
    legend: [[C.blue, "f > 0 contours, \u03bb > 0 direction"], [C.red, "f < 0 contours, \u03bb < 0 direction"],
             [C.green, "\u2212\u2207f at the point (\u00d70.15)"]],
    drag: function (pl, px, py) {
      return { px: Math.round(pl.ix(px) * 10) / 10, py: Math.round(pl.iy(py) * 10) / 10 };
    }
  };

  FIGURES.descent = {
    title: "Gradient descent on L(w) = (w \u2212 3)\u00b2",
    note: "pick a learning rate, then step or play: each step multiplies w \u2212 3 by 1 \u2212 2\u00b7lr",
    program: "05-gradient-descent", ch: "05", table: "descent",
    params: [
      { name: "lr", label: "lr", min: 0.01, max: 1.1, step: 0.01, value: 0.1 },
      { name: "x0", label: "w\u2080", min: -5, max: 10, step: 0.5, value: -2 },
      { name: "steps", label: "steps", min: 1, max: 100, step: 1, value: 50, int: true }
    ],
    base: { w: 640, h: 360 },
    run: function (m, p) { return m.e.live_descent(p.lr, p.x0, p.steps); },
    stepper: true,
    draw: function (svg, p, d, shown, m) {
      var done = d[0], w = Array.prototype.slice.call(d, 2, 3 + done), L = Array.prototype.slice.call(d, 3 + done, 4 + 2 * done);
      var k = Math.min(shown, done);
      var lo = Math.min(-3, p.x0 - 1), hi = Math.max(9, p.x0 + 1);
      for (var i = 0; i <= k; i++) if (isFinite(w[i]) && Math.abs(w[i] - 3) < 50) { lo = Math.min(lo, w[i] - 0.5); hi = Math.max(hi, w[i] + 0.5); }
      var xs = [], ys = [], ymax = 1;
      m.e.live_descent_curve(lo, hi, 201);
      var curve = m.data();
      for (var j = 0; j + 1 < curve.length; j += 2) { xs.push(curve[j]); ys.push(curve[j + 1]); ymax = Math.max(ymax, curve[j + 1]); }
      ymax *= 1.05;
      var pl = frame(svg, this.box, { x0: lo, x1: hi, y0: -0.04 * ymax, y1: ymax, xticks: ticks(lo, hi, 8), yticks: ticks(0, ymax, 5),
                                      xlabel: "w", ylabel: "L(w)" });
      path(pl, xs, ys, { stroke: C.ink });
      el("line", { x1: pl.X(3), x2: pl.X(3), y1: pl.Y(0), y2: pl.m.t, stroke: C.grey, "stroke-dasharray": "6 4" }, pl.g);
      path(pl, w.slice(0, k + 1), L.slice(0, k + 1), { stroke: C.orange, "stroke-width": 1.6 });
      for (i = 0; i <= k; i++) dot(pl, w[i], L[i], i === k ? 7 : 4, i === k ? C.red : C.orange);
      text(svg, pl.W - pl.m.r - 4, pl.m.t + 14, "step " + k + " of " + done + (d[1] ? " (then it overflows)" : "") +
           ":  w = " + (+w[k].toPrecision(6)), { "text-anchor": "end" });
    },
    legend: [[C.ink, "L(w) = (w \u2212 3)\u00b2"], [C.orange, "the iterates w\u2080, w\u2081, \u2026"], [C.grey, "the minimum w = 3", true]]
  };

  /* Contour lines of a grid g[j * nx + i] over [x0, x1] x [y0, y1] at the
   * given levels, by marching squares: the segments as one path's d. */
  function contours(pl, g, nx, ny, x0, x1, y0, y1, levels) {
    var dx = (x1 - x0) / (nx - 1), dy = (y1 - y0) / (ny - 1), all = "";
    levels.forEach(function (c) {
      var d = "";
      for (var j = 0; j + 1 < ny; j++) for (var i = 0; i + 1 < nx; i++) {
        var v = [g[j * nx + i], g[j * nx + i + 1], g[(j + 1) * nx + i + 1], g[(j + 1) * nx + i]];
        var px = [x0 + i * dx, x0 + (i + 1) * dx, x0 + (i + 1) * dx, x0 + i * dx];
        var py = [y0 + j * dy, y0 + j * dy, y0 + (j + 1) * dy, y0 + (j + 1) * dy];
        var pts = [];
        for (var e = 0; e < 4; e++) {
          var a = v[e] - c, b = v[(e + 1) % 4] - c;
          if ((a < 0) !== (b < 0)) {
            var t = a / (a - b);
            pts.push([px[e] + t * (px[(e + 1) % 4] - px[e]), py[e] + t * (py[(e + 1) % 4] - py[e])]);
          }
        }
        for (var q = 0; q + 1 < pts.length; q += 2)
          d += "M" + pl.X(pts[q][0]).toFixed(1) + "," + pl.Y(pts[q][1]).toFixed(1) +
               "L" + pl.X(pts[q + 1][0]).toFixed(1) + "," + pl.Y(pts[q + 1][1]).toFixed(1);
      }
      all += d;
    });
    return all;
  }

  var OPT_NAMES = ["SGD", "Momentum", "RMSProp", "Adam"];
  var OPT_COLOURS = [C.blue, C.red, C.green, C.purple];

  FIGURES.optimizers = {
    title: "Four optimizers, one start",
    note: "set the learning rate and beta, move the start, or switch to the wavy problem 2: sin(w₁) + ½w₂²",
    program: "06-optimizers", ch: "06", table: "your-run",
    params: [
      { name: "lr", label: "lr", min: 0.005, max: 0.3, step: 0.005, value: 0.05 },
      { name: "beta", label: "β", min: 0, max: 0.99, step: 0.01, value: 0.9 },
      { name: "w1", label: "start w₁", min: -3, max: 3, step: 0.1, value: 2 },
      { name: "w2", label: "start w₂", min: -2, max: 2, step: 0.1, value: 1 },
      { name: "steps", label: "steps", min: 4, max: 400, step: 4, value: 100, int: true },
      { name: "problem", label: "problem", min: 1, max: 2, step: 1, value: 1, int: true }
    ],
    base: { w: 680, h: 330, phone: 1.3 },
    run: function (m, p) { return m.e.live_optimizers(p.lr, p.beta, 0.9, 0.999, 1e-8, p.w1, p.w2, p.steps, p.problem); },
    draw: function (svg, p, d, shown, m) {
      var W = this.box.w, stacked = W < 500, H = this.box.h;
      var pw = stacked ? W : Math.round(W * 0.52), ph = stacked ? Math.round(H / 2) : H;
      var left = el("svg", { x: 0, y: 0, width: pw, height: ph, overflow: "hidden" }, svg);
      var right = el("svg", stacked ? { x: 0, y: ph, width: W, height: H - ph } : { x: pw, y: 0, width: W - pw, height: H }, svg);
      var X0 = -3.2, X1 = 3.2, Y0 = -2.2, Y1 = 2.2, nx = 65, ny = 45;
      var pl = frame(left, { w: pw, h: ph }, { x0: X0, x1: X1, y0: Y0, y1: Y1, xticks: ticks(X0, X1, 7), yticks: ticks(Y0, Y1, 5),
                                               xlabel: "w₁", ylabel: "w₂" });
      var k = p.steps, runs = [], at = 0;
      for (var r = 0; r < 4; r++) {
        var run = { diverged: d[at], done: d[at + 1] };
        run.traj = d.subarray(at + 2, at + 2 + 2 * (k + 1));
        run.loss = d.subarray(at + 2 + 2 * (k + 1), at + 2 + 3 * (k + 1));
        at += 2 + 3 * (k + 1);
        runs.push(run);
      }
      /* the contours depend on the problem and the drawing's size only */
      var key = p.problem + "/" + pw + "x" + ph;
      this.cache = this.cache || {};
      if (!this.cache[key]) {
        m.e.live_optimizers_grid(p.problem, X0, X1, nx, Y0, Y1, ny);
        var g = m.data().slice(), lo = Infinity, hi = -Infinity;
        for (var i = 0; i < g.length; i++) { lo = Math.min(lo, g[i]); hi = Math.max(hi, g[i]); }
        var levels = [];
        if (p.problem === 1) for (var c = 0.05; c < hi; c *= 2) levels.push(c);
        else for (var q = 1; q < 14; q++) levels.push(lo + (hi - lo) * q / 14);
        this.cache[key] = contours(pl, g, nx, ny, X0, X1, Y0, Y1, levels);
      }
      el("path", { d: this.cache[key], fill: "none", stroke: "#b5c9de", "stroke-width": 1 }, pl.g);
      var floor = p.problem === 1 ? 0 : -1, lmax = 1e-16, lmin = Infinity;
      runs.forEach(function (run, r) {
        var n = run.done + 1, xs = [], ys = [];
        for (var t = 0; t < n; t++) { xs.push(run.traj[2 * t]); ys.push(run.traj[2 * t + 1]); }
        path(pl, xs, ys, { stroke: OPT_COLOURS[r], "stroke-width": 1.8, "stroke-opacity": 0.9 });
        for (t = 0; t < n; t++) {
          var v = run.loss[t] - floor;
          if (isFinite(v) && v > 0) { lmax = Math.max(lmax, v); lmin = Math.min(lmin, v); }
        }
      });
      dot(pl, p.w1, p.w2, 6, C.ink);
      var lo10 = Math.max(-16, Math.floor(Math.log10(Math.max(lmin, 1e-16)))), hi10 = Math.ceil(Math.log10(lmax)) || 1;
      if (hi10 <= lo10) hi10 = lo10 + 1;
      var yt = []; for (var e = lo10; e <= hi10; e += Math.max(1, Math.ceil((hi10 - lo10) / 5))) yt.push(e);
      var pr = frame(right, stacked ? { w: W, h: H - ph } : { w: W - pw, h: H },
                     { x0: 0, x1: k, y0: lo10, y1: hi10, xticks: ticks(0, k, 5), yticks: yt, xlabel: "step",
                       ylabel: p.problem === 1 ? "log₁₀ L" : "log₁₀ (L + 1)", margin: { l: 40, r: 18, t: 26, b: 36 } });
      runs.forEach(function (run, r) {
        var xs = [], ys = [];
        for (var t = 0; t <= run.done; t++) { xs.push(t); ys.push(Math.log10(Math.max(run.loss[t] - floor, 1e-300))); }
        path(pr, xs, ys, { stroke: OPT_COLOURS[r], "stroke-width": 1.8 });
      });
    },
    legend: OPT_NAMES.map(function (n, r) { return [OPT_COLOURS[r], n]; }).concat([["#b5c9de", "contours of L"]])
  };

  /* A loss axis in powers of ten covering the finite positive values of ys. */
  function logRange(ys) {
    var lo = Infinity, hi = -Infinity;
    for (var i = 0; i < ys.length; i++) if (isFinite(ys[i]) && ys[i] > 0) { lo = Math.min(lo, ys[i]); hi = Math.max(hi, ys[i]); }
    if (!isFinite(lo)) { lo = 1e-3; hi = 1; }
    var a = Math.floor(Math.log10(lo)), b = Math.ceil(Math.log10(hi));
    if (b <= a) b = a + 1;
    var t = [];
    for (var e = a; e <= b; e += Math.max(1, Math.ceil((b - a) / 5))) t.push(e);
    return { y0: a, y1: b, ticks: t };
  }

  /* Two panels side by side, or stacked on a phone: their boxes. */
  function panels(svg, W, H, share) {
    var stacked = W < 500, pw = stacked ? W : Math.round(W * share), ph = stacked ? Math.round(H * 0.58) : H;
    return {
      a: { svg: el("svg", { x: 0, y: 0, width: pw, height: ph, overflow: "hidden" }, svg), w: pw, h: ph },
      b: stacked ? { svg: el("svg", { x: 0, y: ph, width: W, height: H - ph }, svg), w: W, h: H - ph }
                 : { svg: el("svg", { x: pw, y: 0, width: W - pw, height: H }, svg), w: W - pw, h: H }
    };
  }

  FIGURES.xor = {
    title: "Backpropagation learning XOR",
    note: "set the learning rate, the epochs, the hidden width and the seed of the initial weights",
    program: "07-backpropagation", ch: "07", table: "xor-training",
    params: [
      /* lr up to 2 and seeds up to 15: over that range the page's readout
       * matched the program's in a sweep of 34 000 settings.  Beyond lr 2.2
       * training turns chaotic and amplifies the last-bit differences between
       * the browser's exp (wasi-libc) and the program's (glibc): 12 of those
       * settings, all with lr >= 2.29, printed other digits. */
      { name: "lr", label: "lr", log: true, min: -2, max: Math.log10(2), step: 0.01, value: 0.5 },
      { name: "epochs", label: "epochs", log: true, int: true, min: 1, max: Math.log10(20000), step: 0.01, value: 3000 },
      { name: "hidden", label: "hidden units", min: 1, max: 16, step: 1, value: 4, int: true },
      { name: "seed", label: "seed", min: 0, max: 15, step: 1, value: 0, int: true }
    ],
    base: { w: 680, h: 330, phone: 1.25 },
    run: function (m, p) { return m.e.live_xor(p.lr, p.epochs, p.hidden, p.seed); },
    draw: function (svg, p, d) {
      var n = d[0], ep = [], loss = [];
      for (var i = 0; i < n; i++) { ep.push(d[1 + 2 * i]); loss.push(d[2 + 2 * i]); }
      var a2 = d.subarray(1 + 2 * n, 5 + 2 * n);
      var box = panels(svg, this.box.w, this.box.h, 0.62), r = logRange(loss);
      var pl = frame(box.a.svg, box.a, { x0: 0, x1: Math.max(1, p.epochs), y0: r.y0, y1: r.y1,
                                         xticks: ticks(0, Math.max(1, p.epochs), 5), yticks: r.ticks, yfmt: pow10,
                                         xlabel: "epoch", ylabel: "loss (MSE), log scale", margin: { l: 48, r: 24, t: 26, b: 36 } });
      path(pl, ep, loss.map(function (v) { return Math.log10(v); }), { stroke: C.blue, "stroke-width": 2.2 });
      var pb = frame(box.b.svg, box.b, { x0: -0.5, x1: 3.5, y0: -0.06, y1: 1.08, yticks: [0, 0.25, 0.5, 0.75, 1],
                                         xlabel: "", ylabel: "output a\u2082", margin: { l: 44, r: 12, t: 26, b: 40 } });
      var rows = ["0,0", "0,1", "1,0", "1,1"], target = [0, 1, 1, 0];
      for (var k = 0; k < 4; k++) {
        var good = Math.abs(a2[k] - target[k]) < 0.5;
        el("rect", { x: pb.X(k - 0.3), y: pb.Y(a2[k]), width: pb.X(k + 0.3) - pb.X(k - 0.3), height: Math.max(0, pb.Y(0) - pb.Y(a2[k])),
                     fill: good ? C.green : C.red, "fill-opacity": 0.75 }, pb.g);
        el("line", { x1: pb.X(k - 0.4), x2: pb.X(k + 0.4), y1: pb.Y(target[k]), y2: pb.Y(target[k]), stroke: C.ink,
                     "stroke-width": 2.5, "stroke-dasharray": "5 3" }, pb.g);
        text(box.b.svg, pb.X(k), pb.H - pb.m.b + 17, "(" + rows[k] + ")", { "text-anchor": "middle" });
      }
    },
    legend: [[C.blue, "the loss before each epoch\u2019s update"], [C.green, "trained output, right side of 0.5"],
             [C.red, "trained output, wrong side"], [C.ink, "the XOR target", true]]
  };

  var RATE_NAMES = ["convex: f \u2212 f*", "strongly convex: \u2016x \u2212 x*\u2016\u00b2", "non-convex: min \u2016\u2207f\u2016\u00b2"];

  FIGURES.rates = {
    title: "Gradient descent against its three rate bounds",
    note: "change the step as a multiple of 1/L, the start, the steps and the ravine\u2019s \u03ba: each measured curve (solid) stays under its bound (dashed)",
    program: "08-convexity-convergence", ch: "08", table: "rate-check",
    params: [
      { name: "step-factor", label: "step \u00d7 L", min: 0.05, max: 1.95, step: 0.05, value: 1 },
      { name: "x0", label: "start x", min: -6, max: 6, step: 0.5, value: 5 },
      { name: "y0", label: "start y", min: -6, max: 6, step: 0.5, value: 5 },
      { name: "steps", label: "steps", min: 2, max: 400, step: 1, value: 50, int: true },
      { name: "kappa2", label: "\u03ba of the ravine", log: true, min: 0, max: 3, step: 0.01, value: 50 }
    ],
    base: { w: 720, h: 300, phone: 2.1 },
    run: function (m, p) { return m.e.live_rates(p.x0, p.y0, p.steps, p["step-factor"], p.kappa2); },
    draw: function (svg, p, d) {
      var K = d[0], W = this.box.w, H = this.box.h, stacked = W < 500;
      var pw = stacked ? W : Math.floor(W / 3), ph = stacked ? Math.floor(H / 3) : H;
      for (var i = 0; i < 3; i++) {
        var sub = el("svg", { x: stacked ? 0 : i * pw, y: stacked ? i * ph : 0, width: pw, height: ph, overflow: "hidden" }, svg);
        var actual = d.subarray(4 + 2 * i * (K + 1), 4 + (2 * i + 1) * (K + 1));
        var bound = d.subarray(4 + (2 * i + 1) * (K + 1), 4 + (2 * i + 2) * (K + 1));
        var both = Array.from(actual).concat(Array.from(bound).slice(1));
        var r = logRange(both), ks = [];
        for (var k = 0; k <= K; k++) ks.push(k);
        var pl = frame(sub, { w: pw, h: ph }, { x0: 0, x1: K, y0: r.y0, y1: r.y1, xticks: ticks(0, K, 4), yticks: r.ticks,
                                               yfmt: pow10, xlabel: "k", ylabel: RATE_NAMES[i],
                                               margin: { l: 44, r: 12, t: 26, b: 40 } });
        var lg = function (v) { return v > 0 ? Math.log10(v) : NaN; };
        path(pl, ks.slice(1), Array.from(bound).slice(1).map(lg), { stroke: C.red, "stroke-width": 2, "stroke-dasharray": "7 4" });
        path(pl, ks, Array.from(actual).map(lg), { stroke: C.blue, "stroke-width": 2.2 });
        var worst = d[1 + i];
        text(sub, 4, ph - 4, "worst ratio " + (+worst.toPrecision(3)),
             { fill: worst <= 1 ? C.green : C.red, "font-weight": 700 });
      }
    },
    legend: [[C.blue, "measured after k steps (log scale)"], [C.red, "the theory\u2019s bound", true]]
  };

  FIGURES.roc = {
    title: "The ROC curve and its area",
    note: "draw other scores with the seed, and coarsen or refine the threshold grid",
    program: "09-integration-auc", ch: "09", table: "roc-auc",
    params: [
      { name: "seed", label: "seed", min: 0, max: 200, step: 1, value: 42, int: true },
      { name: "thresholds", label: "thresholds", log: true, int: true, min: Math.log10(2), max: 3, step: 0.01, value: 200 }
    ],
    base: { w: 520, h: 460, phone: 1 },
    run: function (m, p) { return m.e.live_roc(p.seed, p.thresholds); },
    draw: function (svg, p, d) {
      var pl = frame(svg, this.box, { x0: -0.02, x1: 1.02, y0: -0.02, y1: 1.02, xticks: ticks(0, 1, 5), yticks: ticks(0, 1, 5),
                                      xlabel: "false positive rate", ylabel: "true positive rate" });
      var np = d[0], fpr = d.subarray(1, 1 + np), tpr = d.subarray(1 + np, 1 + 2 * np);
      var nt = d[1 + 2 * np], gf = d.subarray(2 + 2 * np, 2 + 2 * np + nt), gt = d.subarray(2 + 2 * np + nt, 2 + 2 * np + 2 * nt);
      var area = "M" + pl.X(fpr[0]) + "," + pl.Y(0);
      for (var i = 0; i < np; i++) area += "L" + pl.X(fpr[i]).toFixed(2) + "," + pl.Y(tpr[i]).toFixed(2);
      area += "L" + pl.X(fpr[np - 1]) + "," + pl.Y(0) + "Z";
      el("path", { d: area, fill: C.blue, "fill-opacity": 0.18 }, pl.g);
      path(pl, [0, 1], [0, 1], { stroke: C.grey, "stroke-width": 1.5, "stroke-dasharray": "6 4" });
      path(pl, Array.from(fpr), Array.from(tpr), { stroke: C.blue, "stroke-width": 2.2 });
      path(pl, Array.from(gf), Array.from(gt), { stroke: C.red, "stroke-width": 1.6 });
    },
    legend: [[C.blue, "exact ROC (area shaded)"], [C.red, "the threshold grid's ROC"], [C.grey, "chance", true]]
  };

  /* ---- parameters in the URL ------------------------------------------------------ */

  function urlParams() {
    var out = {};
    location.search.replace(/^\?/, "").split("&").forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf("=");
      if (i > 0) out[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
    });
    return out;
  }

  function writeUrl(all) {
    var q = [];
    Object.keys(all).forEach(function (k) { q.push(encodeURIComponent(k) + "=" + encodeURIComponent(all[k])); });
    try {
      history.replaceState(null, "", location.pathname + (q.length ? "?" + q.join("&") : "") + location.hash);
    } catch (err) { /* some file:// setups refuse; the figure still works */ }
  }

  /* ---- one figure on the page ------------------------------------------------------- */

  function Figure(host, spec, m, state) {
    var self = this;
    this.host = host; this.spec = spec; this.m = m; this.state = state;
    host.textContent = "";
    var h = document.createElement("p");
    h.className = "live-title";
    h.textContent = spec.title + " ";
    var small = document.createElement("small");
    small.textContent = "(live: " + spec.note + ")";
    h.appendChild(small);
    host.appendChild(h);
    /* the drawing's own size follows the column (down to a phone's), so its
     * text keeps its size instead of shrinking with the picture */
    this.svg = el("svg", { role: "img", "aria-label": spec.title }, null);
    this.fit();
    window.addEventListener("resize", function () {
      if (self.fit()) self.update(false);
    });
    host.appendChild(this.svg);
    legend(host, spec.legend);
    var controls = document.createElement("div");
    controls.className = "controls";
    host.appendChild(controls);
    this.p = {};
    this.inputs = {};
    var query = urlParams();
    spec.params.forEach(function (q) {
      var key = host.dataset.live + "." + q.name;
      var v = key in query && isFinite(parseFloat(query[key])) ? parseFloat(query[key]) : q.value;
      if (q.int) v = Math.round(v);
      self.p[q.name] = v;
      var id = "in-" + host.dataset.live + "-" + q.name;
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = q.label;
      var input = document.createElement("input");
      input.type = "range"; input.id = id; input.name = q.name;
      input.min = q.min; input.max = q.max; input.step = q.log ? "any" : q.step;
      input.value = q.log ? Math.log10(v) : v;
      var output = document.createElement("output");
      output.htmlFor = id;
      input.addEventListener("input", function () {
        var x = parseFloat(input.value);
        var v = q.log ? +Math.pow(10, x).toPrecision(3) : +x.toPrecision(12);
        self.p[q.name] = q.int ? Math.round(v) : v;
        self.update(true);
      });
      controls.appendChild(label); controls.appendChild(input); controls.appendChild(output);
      self.inputs[q.name] = { input: input, output: output };
    });
    if (spec.stepper) {
      var buttons = document.createElement("div");
      buttons.className = "buttons";
      [["step", "Step"], ["play", "Play"], ["reset", "Reset"], ["all", "Show all"]].forEach(function (b) {
        var btn = document.createElement("button");
        btn.type = "button"; btn.textContent = b[1]; btn.dataset.action = b[0];
        btn.addEventListener("click", function () { self.action(b[0]); });
        buttons.appendChild(btn);
      });
      host.appendChild(buttons);
    }
    this.readout = document.createElement("pre");
    this.readout.className = "readout";
    host.appendChild(this.readout);
    this.command = document.createElement("p");
    this.command.className = "command";
    host.appendChild(this.command);
    if (spec.drag) this.enableDrag();
    this.shown = spec.stepper ? Infinity : 0;
    this.update(false);
  }

  /* Size the drawing to the column; true when its size changed. */
  Figure.prototype.fit = function () {
    var spec = this.spec, host = this.host;
    var w = Math.round(Math.min(spec.base.w, Math.max(300, host.clientWidth - 30)));
    var aspect = Math.max(spec.base.h / spec.base.w, w < 500 ? spec.base.phone || 0.8 : 0);
    if (spec.box && spec.box.w === w) return false;
    spec.box = { w: w, h: Math.round(w * aspect) };
    this.svg.setAttribute("viewBox", "0 0 " + spec.box.w + " " + spec.box.h);
    return true;
  };

  Figure.prototype.update = function (fromInput) {
    var t0 = performance.now(), spec = this.spec, self = this;
    this.svg.textContent = "";
    var status = spec.run(this.m, this.p);
    var out = this.m.text();
    this.readout.textContent = out.replace(/\n$/, "");
    if (status === 0) {
      this.data = this.m.data().slice();
      spec.draw.call(spec, this.svg, this.p, this.data, this.shown, this.m);
    } else {
      text(this.svg, 20, 30, status === 2 ? "outside the program's domain" : "the computation failed", { fill: C.red });
    }
    var args = spec.params.map(function (q) { return "--" + q.name + " " + String(self.p[q.name]); }).join(" ");
    this.command.textContent = "";
    this.command.appendChild(document.createTextNode("The same table from the chapter's program: "));
    var code = document.createElement("code");
    code.textContent = "make run CH=" + spec.ch + ' ARGS="' + args + '"';
    this.command.appendChild(code);
    spec.params.forEach(function (q) {
      var io = self.inputs[q.name];
      io.output.textContent = String(self.p[q.name]);
      if (!fromInput) io.input.value = q.log ? Math.log10(self.p[q.name]) : self.p[q.name];
    });
    this.host.dataset.state = status === 0 ? "ready" : "error";
    this.host.dataset.updateMs = (performance.now() - t0).toFixed(3);
    if (fromInput) this.state.changed(this);
    return status;
  };

  Figure.prototype.action = function (what) {
    var self = this, done = this.data ? this.data[0] : 0;
    if (this.timer) { clearInterval(this.timer); this.timer = null; }
    if (what === "reset") this.shown = 0;
    else if (what === "all") this.shown = Infinity;
    else if (what === "step") this.shown = Math.min((this.shown === Infinity ? done : this.shown) + 1, done);
    else if (what === "play") {
      this.shown = 0;
      this.timer = setInterval(function () {
        self.shown++;
        self.update(false);
        if (self.shown >= done) { clearInterval(self.timer); self.timer = null; }
      }, 350);
    }
    this.update(false);
  };

  Figure.prototype.enableDrag = function () {
    var self = this, dragging = false;
    function move(ev) {
      if (!dragging || !self.spec.plot) return;
      var r = self.svg.getBoundingClientRect(), box = self.spec.box;
      var px = (ev.clientX - r.left) * box.w / r.width, py = (ev.clientY - r.top) * box.h / r.height;
      var next = self.spec.drag(self.spec.plot, px, py);
      self.spec.params.forEach(function (q) {
        if (q.name in next) self.p[q.name] = Math.min(q.max, Math.max(q.min, +next[q.name].toPrecision(12)));
      });
      self.update(false);
      self.state.changed(self);
      ev.preventDefault();
    }
    this.svg.addEventListener("pointerdown", function (ev) {
      dragging = true;
      self.svg.setPointerCapture(ev.pointerId);
      move(ev);
    });
    this.svg.addEventListener("pointermove", move);
    this.svg.addEventListener("pointerup", function () { dragging = false; });
    this.svg.addEventListener("pointercancel", function () { dragging = false; });
  };

  /* ---- start -------------------------------------------------------------------------- */

  function start() {
    var hosts = Array.prototype.slice.call(document.querySelectorAll("[data-live]"));
    if (!hosts.length) return Promise.resolve([]);
    return loadModule().then(function (m) {
      var figures = [];
      var state = {
        changed: function () {
          var all = urlParams();
          figures.forEach(function (f) {
            f.spec.params.forEach(function (q) { all[f.host.dataset.live + "." + q.name] = String(f.p[q.name]); });
          });
          writeUrl(all);
        }
      };
      hosts.forEach(function (host) {
        var spec = FIGURES[host.dataset.live];
        if (!spec) { console.error("no live figure named " + host.dataset.live); return; }
        figures.push(new Figure(host, spec, m, state));
      });
      return figures;
    });
  }

  window.SLOPE_LIVE = { figures: FIGURES, ready: null };
  window.SLOPE_LIVE.ready = new Promise(function (resolve, reject) {
    function go() { start().then(resolve, function (err) { console.error(err); reject(err); }); }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go);
    else go();
  });
})();
