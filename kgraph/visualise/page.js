/* kgraph news map: draws the data block with vis-network (positions precomputed, no physics).
   Every text from an article goes into the page as textContent or canvas text, never as markup. */
(function () {
  "use strict";
  performance.mark("kg-start");  // the benchmark reads these marks
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : (many || one + "s")); }

  var nodesData = DATA.nodes, edgesData = DATA.edges, articles = DATA.articles;
  var typeNames = Object.keys(DATA.types);
  var typeOn = {};
  typeNames.forEach(function (t) { typeOn[t] = true; });

  // ---- vis data sets ---------------------------------------------------------------------
  var maxArticles = 1;
  nodesData.forEach(function (n) { maxArticles = Math.max(maxArticles, n.a.length); });
  function nodeSize(n) { return 9 + 21 * Math.sqrt(n.a.length / maxArticles); }
  // Colours and shapes come from groups (one per type): the nodes' items stay small.
  function nodeColor(color) {
    return { background: color, border: color, highlight: { background: color, border: "#000" }, hover: { background: color, border: "#000" } };
  }
  var groups = {};
  typeNames.forEach(function (t) {
    var look = DATA.types[t];
    groups[t] = { shape: look.shape, color: nodeColor(look.color), font: { color: "#222222" } };
  });
  var visNodes = nodesData.map(function (n, i) {
    return { id: i, label: n.l, x: n.x, y: n.y, group: DATA.types[n.t] ? n.t : "Unknown", size: nodeSize(n), hidden: !!n.i };
  });
  function edgeColor(e) {
    var color = DATA.relations[e.k].color;
    return { color: color, highlight: color, hover: color };
  }
  var dashes = edgesData.length <= 3000;  // dashed lines cost 2-3x the drawing time of plain ones
  var visEdges = edgesData.map(function (e, i) {
    var look = DATA.relations[e.k];
    return {
      id: i, from: e.f, to: e.t, color: edgeColor(e),
      dashes: dashes && look.dashes, width: Math.min(1 + Math.log2(Math.max(e.a.length, 1)), 5),
      arrows: e.k === "comention" ? "" : "to", hidden: !!(nodesData[e.f].i || nodesData[e.t].i)
    };
  });
  performance.mark("kg-data");
  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  var big = nodesData.length > 1500;
  var network = new vis.Network($("kg-net"), { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 7 },
    groups: groups,
    nodes: { font: { size: 16, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" }, borderWidth: 1 },
    edges: { smooth: false, color: { opacity: 0.8 }, arrows: { to: { enabled: true, scaleFactor: 0.5 } },
             font: { size: 13, align: "middle", strokeWidth: 3, strokeColor: "#ffffff" }, selectionWidth: 1 },
    interaction: { hover: true, selectable: false, tooltipDelay: 3600000, hideEdgesOnDrag: big, hideEdgesOnZoom: big }
  });

  performance.mark("kg-network");

  // ---- state -------------------------------------------------------------------------------
  var shown = nodesData.map(function (n) { return !n.i; });
  var edgeShown = visEdges.map(function (e) { return !e.hidden; });
  var highlighted = null;  // the clicked node, or null

  function status() {
    var visible = 0, visibleEdges = 0;
    shown.forEach(function (s) { if (s) visible++; });
    edgeShown.forEach(function (s) { if (s) visibleEdges++; });
    $("kg-status").textContent = plural(visible, "entity", "entities") + " and " + plural(visibleEdges, "relation") + " shown";
  }

  // ---- filters -----------------------------------------------------------------------------
  function fillSelect(select, options) {
    options.forEach(function (option, index) {
      var item = el("option", option);
      item.value = String(index);
      select.appendChild(item);
    });
  }
  fillSelect($("kg-topic"), DATA.topics);
  fillSelect($("kg-country"), DATA.countries.map(function (c) { return c[1] + " (" + c[0] + ")"; }));
  var isolatedCount = 0;
  nodesData.forEach(function (n) { if (n.i) isolatedCount++; });
  $("kg-isolated-label").textContent = "show " + plural(isolatedCount, "unconnected entity", "unconnected entities");
  if (!isolatedCount) $("kg-isolated").disabled = true;

  function articleMask() {
    var topic = $("kg-topic").value, country = $("kg-country").value;
    var since = $("kg-since").value, until = $("kg-until").value;
    if (!topic && !country && !since && !until) return null;
    var t = topic === "" ? -1 : Number(topic), c = country === "" ? -1 : Number(country);
    return articles.map(function (a) {
      if (t >= 0 && a[2].indexOf(t) < 0) return false;
      if (c >= 0 && a[3].indexOf(c) < 0) return false;
      if (since && (!a[1] || a[1] < since)) return false;
      if (until && (!a[1] || a[1] > until)) return false;
      return true;
    });
  }
  function anyIn(list, mask) {
    for (var i = 0; i < list.length; i++) if (mask[list[i]]) return true;
    return false;
  }
  function applyFilters() {
    var mask = articleMask(), showIsolated = $("kg-isolated").checked;
    var nodeChanges = [], edgeChanges = [];
    nodesData.forEach(function (n, i) {
      var visible = typeOn[n.t] !== false && (showIsolated || !n.i) && (!mask || anyIn(n.a, mask));
      if (visible !== shown[i]) { shown[i] = visible; nodeChanges.push({ id: i, hidden: !visible }); }
    });
    edgesData.forEach(function (e, i) {
      var visible = shown[e.f] && shown[e.t] && (!mask || !e.a.length || anyIn(e.a, mask));
      if (visible !== edgeShown[i]) { edgeShown[i] = visible; edgeChanges.push({ id: i, hidden: !visible }); }
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    if (highlighted !== null && !shown[highlighted]) clearHighlight();
    status();
  }
  ["kg-topic", "kg-country", "kg-since", "kg-until", "kg-isolated"].forEach(function (id) {
    $(id).addEventListener("change", applyFilters);
  });
  $("kg-reset").addEventListener("click", function () {
    ["kg-topic", "kg-country", "kg-since", "kg-until"].forEach(function (id) { $(id).value = ""; });
    $("kg-isolated").checked = false;
    typeNames.forEach(function (t) { typeOn[t] = true; });
    Array.prototype.forEach.call(document.querySelectorAll("#kg-legend input"), function (box) { box.checked = true; });
    clearHighlight();
    closePanel();
    applyFilters();
    fitVisible();
  });

  // ---- legend (type boxes double as the type filter) ---------------------------------------
  var SHAPES = { dot: "circle", square: "rect", triangle: "polygon", diamond: "polygon" };
  function swatch(look) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16");
    var shape = document.createElementNS(ns, SHAPES[look.shape] || "circle");
    if (look.shape === "square") { shape.setAttribute("x", "2"); shape.setAttribute("y", "2"); shape.setAttribute("width", "12"); shape.setAttribute("height", "12"); }
    else if (look.shape === "triangle") shape.setAttribute("points", "8,1 15,14 1,14");
    else if (look.shape === "diamond") shape.setAttribute("points", "8,1 15,8 8,15 1,8");
    else { shape.setAttribute("cx", "8"); shape.setAttribute("cy", "8"); shape.setAttribute("r", "6"); }
    shape.setAttribute("fill", look.color);
    svg.appendChild(shape);
    return svg;
  }
  function line(look) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "26"); svg.setAttribute("height", "10");
    var stroke = document.createElementNS(ns, "line");
    [["x1", "0"], ["y1", "5"], ["x2", "26"], ["y2", "5"], ["stroke", look.color], ["stroke-width", "2"]].forEach(function (a) { stroke.setAttribute(a[0], a[1]); });
    if (look.dashes && dashes) stroke.setAttribute("stroke-dasharray", "4 3");
    svg.appendChild(stroke);
    return svg;
  }
  var present = {};
  nodesData.forEach(function (n) { present[n.t] = (present[n.t] || 0) + 1; });
  typeNames.forEach(function (t) {
    if (!present[t]) return;
    var label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.type = t;
    box.addEventListener("change", function () { typeOn[t] = box.checked; applyFilters(); });
    label.appendChild(box); label.appendChild(swatch(DATA.types[t])); label.appendChild(el("span", t + " (" + present[t] + ")"));
    $("kg-legend").appendChild(label);
  });
  var kindsPresent = {};
  edgesData.forEach(function (e) { kindsPresent[e.k] = true; });
  Object.keys(DATA.relations).forEach(function (k) {
    if (!kindsPresent[k]) return;
    var item = el("span");
    item.appendChild(line(DATA.relations[k])); item.appendChild(el("span", DATA.relations[k].legend));
    $("kg-legend").appendChild(item);
  });

  // ---- tooltip (our own div, text only) -------------------------------------------------------
  var tooltip = $("kg-tooltip");
  function articleLine(index) {
    var a = articles[index];
    return a ? (a[0] || "(untitled article)") + (a[1] ? " (" + a[1] + ")" : "") : "";
  }
  function nodeTip(i) {
    var n = nodesData[i], lines = [n.l, n.t + (n.iso ? " \u00b7 " + n.iso : "") + " \u00b7 named in " + plural(n.a.length, "article")];
    if (n.n.length) lines.push("Also: " + n.n.slice(0, 6).join("; ") + (n.n.length > 6 ? " \u2026" : ""));
    lines.push("Click for roles, statements and articles.");
    return lines.join("\n");
  }
  function edgeTip(i) {
    var e = edgesData[i];
    var lines = [nodesData[e.f].l + " \u2192 " + e.l + " \u2192 " + nodesData[e.t].l];
    if (e.e) lines.push("\u201c" + e.e + "\u201d");
    if (e.ea >= 0) lines.push("\u2014 " + articleLine(e.ea));
    if (e.k === "comention") {
      lines.push("Named together in " + plural(e.a.length, "article") + ":");
      e.a.slice(0, 5).forEach(function (a) { lines.push("\u2022 " + articleLine(a)); });
    } else {
      lines.push("Asserted by " + plural(e.a.length, "article"));
    }
    return lines.join("\n");
  }
  function showTip(text, pointer) {
    tooltip.textContent = text;
    tooltip.style.display = "block";
    var box = $("kg-stage").getBoundingClientRect();
    var x = Math.min(pointer.x + 14, box.width - tooltip.offsetWidth - 4);
    var y = pointer.y + 14 + tooltip.offsetHeight > box.height ? pointer.y - tooltip.offsetHeight - 10 : pointer.y + 14;
    tooltip.style.left = Math.max(0, x) + "px";
    tooltip.style.top = Math.max(0, y) + "px";
  }
  function hideTip() { tooltip.style.display = "none"; }
  network.on("hoverNode", function (p) { showTip(nodeTip(p.node), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeTip(p.edge), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // ---- neighbourhood highlight ---------------------------------------------------------------
  // The highlight is drawn over the map after vis-network's own drawing (a veil, then the
  // neighbourhood again on top), so a click costs one redraw and no update of the data sets.
  var lit = { nodes: [], edges: [] };
  function highlight(id) {
    var edgeIds = network.getConnectedEdges(id).filter(function (e) { return edgeShown[e]; });
    var near = {};
    near[id] = true;
    edgeIds.forEach(function (e) { near[edgesData[e].f] = true; near[edgesData[e].t] = true; });
    lit = { nodes: Object.keys(near).map(Number), edges: edgeIds };
    highlighted = id;
    network.redraw();
  }
  function clearHighlight() {
    if (highlighted === null) return;
    highlighted = null;
    lit = { nodes: [], edges: [] };
    network.redraw();
  }
  function drawShape(ctx, shape, x, y, r) {
    ctx.beginPath();
    if (shape === "square") ctx.rect(x - r, y - r, 2 * r, 2 * r);
    else if (shape === "triangle") { ctx.moveTo(x, y - r); ctx.lineTo(x + r, y + r * 0.8); ctx.lineTo(x - r, y + r * 0.8); ctx.closePath(); }
    else if (shape === "diamond") { ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y); ctx.closePath(); }
    else ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  function drawText(ctx, text, x, y, size) {
    ctx.font = size + "px system-ui, sans-serif";
    ctx.lineWidth = size / 4;
    ctx.strokeStyle = "#ffffff";
    ctx.fillStyle = "#111111";
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
  }
  network.on("afterDrawing", function (ctx) {
    if (highlighted === null) return;
    var scale = network.getScale(), box = $("kg-net");
    var topLeft = network.DOMtoCanvas({ x: 0, y: 0 });
    var bottomRight = network.DOMtoCanvas({ x: box.clientWidth, y: box.clientHeight });
    var pos = network.getPositions(lit.nodes);
    ctx.save();
    ctx.fillStyle = "rgba(255,255,255,0.85)";
    ctx.fillRect(topLeft.x, topLeft.y, bottomRight.x - topLeft.x, bottomRight.y - topLeft.y);
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    lit.edges.forEach(function (i) {
      var e = edgesData[i], a = pos[e.f], b = pos[e.t];
      if (!a || !b) return;
      ctx.strokeStyle = DATA.relations[e.k].color;
      ctx.lineWidth = Math.max(2 / scale, 2);
      ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke();
      if (e.k !== "comention") {  // arrowhead at the target's rim
        var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
        var r = nodeSize(nodesData[e.t]), head = 9 / Math.min(scale, 1.5);
        var tipX = b.x - dx / d * r, tipY = b.y - dy / d * r;
        ctx.fillStyle = DATA.relations[e.k].color;
        ctx.beginPath(); ctx.moveTo(tipX, tipY);
        ctx.lineTo(tipX - dx / d * head - dy / d * head / 2, tipY - dy / d * head + dx / d * head / 2);
        ctx.lineTo(tipX - dx / d * head + dy / d * head / 2, tipY - dy / d * head - dx / d * head / 2);
        ctx.closePath(); ctx.fill();
      }
    });
    lit.nodes.forEach(function (i) {
      var n = nodesData[i], p = pos[i], look = DATA.types[n.t] || DATA.types.Unknown, r = nodeSize(n);
      if (!p) return;
      drawShape(ctx, look.shape, p.x, p.y, r);
      ctx.fillStyle = look.color; ctx.fill();
      ctx.lineWidth = (i === highlighted ? 3 : 1) / Math.min(scale, 1);
      ctx.strokeStyle = i === highlighted ? "#000000" : look.color; ctx.stroke();
      ctx.font = "18px system-ui, sans-serif";  // cover the veiled label vis-network drew there
      var width = ctx.measureText(n.l).width + 6;
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(p.x - width / 2, p.y + r + 1, width, 24);
      drawText(ctx, n.l, p.x, p.y + r + 12, 16);
    });
    lit.edges.forEach(function (i) {
      var e = edgesData[i], a = pos[e.f], b = pos[e.t];
      if (e.k !== "role") return;  // colour and dashes tell the other relations; roles need their title
      // at 60 % of the way out from the clicked node, where the neighbours spread apart
      var from = e.f === highlighted ? a : b, to = e.f === highlighted ? b : a;
      if (a && b) drawText(ctx, e.l, from.x + (to.x - from.x) * 0.6, from.y + (to.y - from.y) * 0.6, 12 / scale);
    });
    ctx.restore();
  });

  // ---- side panel ------------------------------------------------------------------------------
  var panel = $("kg-panel");
  function closePanel() { panel.className = ""; panel.textContent = ""; }
  function nodeLink(index, label) {
    if (index < 0) return el("span", label);
    var button = el("button", label, "kg-link");
    button.type = "button";
    button.addEventListener("click", function () { selectNode(index, true); });
    return button;
  }
  function source(articleIndex, date) {
    var text = articleLine(articleIndex);
    if (date && articles[articleIndex] && articles[articleIndex][1] !== date) text += " \u00b7 observed " + date;
    return el("div", "\u2014 " + text, "kg-source");
  }
  function section(title, items, more, render) {
    if (!items.length) return;
    panel.appendChild(el("h3", title + " (" + (items.length + (more || 0)) + ")"));
    var list = el("ul");
    items.forEach(function (item) { list.appendChild(render(item)); });
    if (more) list.appendChild(el("li", "\u2026 and " + more + " more", "kg-meta"));
    panel.appendChild(list);
  }
  function openPanel(i) {
    var n = nodesData[i], d = DATA.details[i];
    panel.textContent = "";
    panel.className = "kg-open";
    var close = el("button", "\u00d7", "");
    close.id = "kg-close"; close.type = "button"; close.title = "Close";
    close.addEventListener("click", function () { closePanel(); clearHighlight(); });
    panel.appendChild(close);
    panel.appendChild(el("h2", n.l));
    panel.appendChild(el("div", n.t + (n.iso ? " \u00b7 " + n.iso : "") + " \u00b7 named in " + plural(n.a.length, "article"), "kg-meta"));
    if (n.n.length) panel.appendChild(el("div", "Also called: " + n.n.join("; "), "kg-meta"));
    section("Roles", d.r, d.mr, function (r) {
      // r = [relation, other index, other label, article, evidence, date, direction]
      var item = el("li");
      if (r[6] === "of") { item.appendChild(el("strong", r[0])); item.appendChild(document.createTextNode(" \u2014 ")); item.appendChild(nodeLink(r[1], r[2])); }
      else { item.appendChild(nodeLink(r[1], r[2])); item.appendChild(document.createTextNode(": ")); item.appendChild(el("strong", r[0])); }
      if (r[4]) item.appendChild(el("div", r[4], "kg-evidence"));
      if (r[3] >= 0) item.appendChild(source(r[3], r[5]));
      return item;
    });
    function statement(s) {
      // s = [quote, [topic], [country labels], date, article, speaker index, speaker label]
      var item = el("li");
      if (s[5] !== undefined && s[5] !== i) { item.appendChild(nodeLink(s[5], s[6])); item.appendChild(document.createTextNode(":")); }
      item.appendChild(el("blockquote", s[0]));
      var about = [];
      if (s[1].length) about.push("Topic: " + s[1].map(function (t) { return DATA.topics[t]; }).join(", "));
      if (s[2].length) about.push("About: " + s[2].join(", "));
      if (about.length) item.appendChild(el("div", about.join(" \u00b7 "), "kg-meta"));
      if (s[4] >= 0) item.appendChild(source(s[4], s[3]));
      return item;
    }
    section("Statements", d.s, d.ms, statement);
    section("Statements about " + n.l, d.sa, d.msa, statement);
    section("Articles", d.ev, d.mev, function (a) {
      var item = el("li");
      item.appendChild(el("div", articleLine(a[0])));
      if (a[1]) item.appendChild(el("div", a[1], "kg-evidence"));
      return item;
    });
  }

  function fitVisible() {
    var ids = [];
    shown.forEach(function (s, i) { if (s) ids.push(i); });
    network.fit({ nodes: ids.length ? ids : undefined, animation: false });
  }
  function selectNode(i, focus) {
    if (!shown[i]) {
      if (nodesData[i].i) $("kg-isolated").checked = true;
      if (typeOn[nodesData[i].t] === false) {
        typeOn[nodesData[i].t] = true;
        var box = document.querySelector('#kg-legend input[data-type="' + nodesData[i].t + '"]');
        if (box) box.checked = true;
      }
      applyFilters();
      if (!shown[i]) { ["kg-topic", "kg-country", "kg-since", "kg-until"].forEach(function (id) { $(id).value = ""; }); applyFilters(); }
    }
    openPanel(i);
    if (focus) network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: false });
    highlight(i);
  }
  network.on("click", function (p) {
    hideTip();
    var node = network.getNodeAt(p.pointer.DOM);
    if (node !== undefined) selectNode(node, false);
    else if (network.getEdgeAt(p.pointer.DOM) === undefined) { clearHighlight(); closePanel(); }
  });

  // ---- search -----------------------------------------------------------------------------------
  var searchIndex = nodesData.map(function (n, i) {
    return { i: i, names: [n.l].concat(n.n).map(fold) };
  });
  var results = $("kg-results"), search = $("kg-search"), active = -1, found = [];
  function find(query) {
    var q = fold(query);
    if (!q) return [];
    var exact = [], prefix = [], inside = [];
    searchIndex.forEach(function (entry) {
      var best = 3;
      entry.names.forEach(function (name) {
        if (name === q) best = 0;
        else if (best > 1 && (name.indexOf(q) === 0 || name.indexOf(" " + q) >= 0)) best = 1;
        else if (best > 2 && name.indexOf(q) >= 0) best = 2;
      });
      if (best < 3) [exact, prefix, inside][best].push(entry.i);
    });
    var byWeight = function (a, b) { return nodesData[b].a.length - nodesData[a].a.length || (nodesData[a].l < nodesData[b].l ? -1 : 1); };
    return exact.sort(byWeight).concat(prefix.sort(byWeight), inside.sort(byWeight)).slice(0, 15);
  }
  function renderResults() {
    results.textContent = "";
    found.forEach(function (i, k) {
      var n = nodesData[i], item = el("li", null, k === active ? "kg-active" : "");
      item.appendChild(el("div", n.l));
      var q = fold(search.value), alias = n.n.filter(function (name) { return fold(name).indexOf(q) >= 0; })[0];
      item.appendChild(el("div", n.t + " \u00b7 " + plural(n.a.length, "article") + (alias && fold(n.l).indexOf(q) < 0 ? " \u00b7 as \u201c" + alias + "\u201d" : ""), "kg-sub"));
      item.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      results.appendChild(item);
    });
    if (!found.length && search.value.trim()) results.appendChild(el("li", "No entity by that name", "kg-sub"));
    results.hidden = !search.value.trim();
  }
  function choose(i) {
    results.hidden = true;
    search.value = nodesData[i].l;
    selectNode(i, true);
  }
  search.addEventListener("input", function () { found = find(search.value); active = found.length ? 0 : -1; renderResults(); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (found.length) { active = (active + (ev.key === "ArrowDown" ? 1 : found.length - 1)) % found.length; renderResults(); }
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      if (found.length) choose(found[Math.max(active, 0)]);
      ev.preventDefault();
    } else if (ev.key === "Escape") { results.hidden = true; }
  });
  search.addEventListener("blur", function () { results.hidden = true; });

  // ---- ready --------------------------------------------------------------------------------
  status();
  network.once("afterDrawing", function () {
    window.__kgReady = performance.now();
  });
  fitVisible();
  // for tests and the console: the network, the state, and hover as the mouse would do it
  window.kgraph = {
    network: network, nodes: nodes, edges: edges, data: DATA, select: selectNode, find: find,
    applyFilters: applyFilters, shown: shown, edgeShown: edgeShown,
    highlighted: function () { return highlighted; },
    hover: function (kind, id) { showTip(kind === "edge" ? edgeTip(id) : nodeTip(id), { x: 10, y: 10 }); return tooltip.textContent; }
  };
})();
