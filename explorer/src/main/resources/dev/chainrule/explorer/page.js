// The chainrule explorer: views, pan and zoom, search, layers and the node panel over the SVG
// pictures and node facts inlined in this page. No network access; MathJax is inlined above.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var canvas = document.getElementById('canvas');
  var panel = document.getElementById('panel');
  var search = document.getElementById('search');
  var matchesLabel = document.getElementById('matches');
  var state = { view: null, variant: null, svg: null, base: null, box: null, selected: null,
    matches: [], matchIndex: -1 };

  document.getElementById('title').textContent = data.title;

  function byKey(list, key) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].key === key) { return list[i]; }
    }
    return null;
  }

  function currentView() { return byKey(data.views, state.view); }
  function currentFacts() { return data.graphs[currentView().graph].nodes; }

  data.views.forEach(function (v) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = v.label;
    b.dataset.view = v.key;
    b.setAttribute('role', 'tab');
    b.addEventListener('click', function () { show(v.key, null); });
    document.getElementById('views').appendChild(b);
  });

  // ---- views and layers -------------------------------------------------------------------

  function show(viewKey, variantKey) {
    var v = byKey(data.views, viewKey);
    var wanted = variantKey || (state.view === viewKey ? state.variant : v.open);
    var variant = byKey(v.variants, wanted) || v.variants[0];
    state.view = v.key;
    state.variant = variant.key;
    state.selected = null;
    canvas.innerHTML = variant.svg;
    var svg = canvas.querySelector('svg');
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    state.svg = svg;
    var vb = svg.viewBox.baseVal;
    state.base = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    fit();
    nodes().forEach(function (g) {
      var id = nodeId(g);
      if (variant.boxes[id]) {
        g.classList.add('box');
        g.dataset.scope = variant.boxes[id];
      } else if (!currentFacts()[id]) {
        g.classList.add('inert');
      }
    });
    document.querySelectorAll('#views button').forEach(function (b) {
      b.setAttribute('aria-selected', String(b.dataset.view === v.key));
    });
    document.getElementById('layers').hidden = v.variants.length < 2;
    document.getElementById('collapse').disabled = variant.key === 'layers';
    document.getElementById('expand').disabled = variant.key === 'all';
    document.body.dataset.view = v.key;
    document.body.dataset.variant = variant.key;
    runSearch();
  }

  function nodes() { return Array.prototype.slice.call(state.svg.querySelectorAll('g.node')); }

  function nodeId(g) {
    var t = g.querySelector('title');
    return t ? t.textContent.trim() : '';
  }

  function nodeElement(id) {
    var found = null;
    nodes().forEach(function (g) { if (nodeId(g) === id) { found = g; } });
    return found;
  }

  function openLayer(scope) {
    show(state.view, 'all');
    var clusters = state.svg.querySelectorAll('g.cluster');
    for (var i = 0; i < clusters.length; i++) {
      var text = clusters[i].querySelector('text');
      if (text && text.textContent.trim() === scope) {
        focusOn(clusters[i], false);
        return;
      }
    }
  }

  document.getElementById('collapse').addEventListener('click', function () {
    show(state.view, 'layers');
  });
  document.getElementById('expand').addEventListener('click', function () {
    show(state.view, 'all');
  });

  // ---- pan and zoom -----------------------------------------------------------------------

  function setBox(x, y, w, h) {
    state.box = { x: x, y: y, w: w, h: h };
    state.svg.setAttribute('viewBox', x + ' ' + y + ' ' + w + ' ' + h);
  }

  function fit() { setBox(state.base.x, state.base.y, state.base.w, state.base.h); }

  function toSvg(clientX, clientY) {
    var p = state.svg.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    return p.matrixTransform(state.svg.getScreenCTM().inverse());
  }

  function zoom(factor, clientX, clientY) {
    var r = canvas.getBoundingClientRect();
    var p = toSvg(clientX === undefined ? r.left + r.width / 2 : clientX,
      clientY === undefined ? r.top + r.height / 2 : clientY);
    var b = state.box;
    var w = Math.min(Math.max(b.w * factor, state.base.w / 50), state.base.w * 20);
    var f = w / b.w;
    setBox(p.x - (p.x - b.x) * f, p.y - (p.y - b.y) * f, b.w * f, b.h * f);
  }

  function focusOn(element, closer) {
    var r = element.getBoundingClientRect();
    var c = toSvg(r.left + r.width / 2, r.top + r.height / 2);
    var b = state.box;
    var f = closer && b.w > state.base.w / 3 ? 0.5 : 1;
    setBox(c.x - b.w * f / 2, c.y - b.h * f / 2, b.w * f, b.h * f);
  }

  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY);
  }, { passive: false });

  var drag = null;
  canvas.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) { return; }
    drag = { x: e.clientX, y: e.clientY, box: state.box, moved: false,
      scale: 1 / state.svg.getScreenCTM().a };
  });
  window.addEventListener('pointermove', function (e) {
    if (!drag) { return; }
    var dx = e.clientX - drag.x;
    var dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
    drag.moved = true;
    canvas.classList.add('dragging');
    setBox(drag.box.x - dx * drag.scale, drag.box.y - dy * drag.scale, drag.box.w, drag.box.h);
  });
  window.addEventListener('pointerup', function () {
    canvas.classList.remove('dragging');
    if (drag && drag.moved) {
      canvas.dataset.dragged = '1';
    }
    drag = null;
  });

  canvas.addEventListener('click', function (e) {
    if (canvas.dataset.dragged) {
      delete canvas.dataset.dragged;
      return;
    }
    var g = e.target.closest ? e.target.closest('g.node') : null;
    if (!g) { return; }
    if (g.classList.contains('box')) {
      openLayer(g.dataset.scope);
    } else if (currentFacts()[nodeId(g)]) {
      select(nodeId(g));
    }
  });

  document.getElementById('zoom-in').addEventListener('click', function () { zoom(1 / 1.4); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(1.4); });
  document.getElementById('fit').addEventListener('click', fit);

  // ---- search -----------------------------------------------------------------------------

  function runSearch() {
    var q = search.value.trim().toLowerCase();
    var facts = currentFacts();
    var variant = byKey(currentView().variants, state.variant);
    state.matches = [];
    state.matchIndex = -1;
    nodes().forEach(function (g) {
      g.classList.remove('match');
      var id = nodeId(g);
      if (!q) { return; }
      var hit = facts[id] ? facts[id].name.toLowerCase().indexOf(q) >= 0 : false;
      if (!hit && variant.boxes[id]) {
        hit = Object.keys(facts).some(function (k) {
          return facts[k].scope.split('/')[0] === variant.boxes[id]
            && facts[k].name.toLowerCase().indexOf(q) >= 0;
        });
      }
      if (hit) {
        g.classList.add('match');
        state.matches.push(g);
      }
    });
    matchesLabel.textContent = !q ? '' : state.matches.length === 1 ? '1 match'
      : state.matches.length + ' matches';
  }

  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || state.matches.length === 0) { return; }
    state.matchIndex = (state.matchIndex + 1) % state.matches.length;
    var g = state.matches[state.matchIndex];
    if (g.classList.contains('box')) {
      var q = search.value.trim().toLowerCase();
      openLayer(g.dataset.scope);
      var first = state.matches.filter(function (m) {
        return !m.classList.contains('box') && currentFacts()[nodeId(m)]
          && currentFacts()[nodeId(m)].name.toLowerCase().indexOf(q) >= 0;
      })[0];
      if (first) { select(nodeId(first)); focusOn(first, true); }
      return;
    }
    select(nodeId(g));
    focusOn(g, true);
  });

  // ---- the node panel ---------------------------------------------------------------------

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function number(x) {
    if (x === null || x === undefined) { return '—'; }
    if (x === 0) { return '0'; }
    var a = Math.abs(x);
    return a >= 1e5 || a < 1e-3 ? x.toExponential(4) : String(Number(x.toPrecision(6)));
  }

  function histogram(stats, gradient) {
    var ns = 'http://www.w3.org/2000/svg';
    var width = 200;
    var height = 48;
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'histogram' + (gradient ? ' gradient' : ''));
    svg.setAttribute('width', width);
    svg.setAttribute('height', height + 12);
    svg.setAttribute('role', 'img');
    var most = Math.max.apply(null, stats.bins.concat([1]));
    var w = width / stats.bins.length;
    stats.bins.forEach(function (count, i) {
      var h = count === 0 ? 0 : Math.max(1, count / most * height);
      var r = document.createElementNS(ns, 'rect');
      r.setAttribute('x', i * w + 0.5);
      r.setAttribute('y', height - h);
      r.setAttribute('width', w - 1);
      r.setAttribute('height', h);
      var t = document.createElementNS(ns, 'title');
      t.textContent = count + ' element' + (count === 1 ? '' : 's');
      r.appendChild(t);
      svg.appendChild(r);
    });
    [[0, 'start', stats.min], [width, 'end', stats.max]].forEach(function (l) {
      var t = document.createElementNS(ns, 'text');
      t.setAttribute('x', l[0]);
      t.setAttribute('y', height + 11);
      t.setAttribute('text-anchor', l[1]);
      t.textContent = number(l[2]);
      svg.appendChild(t);
    });
    svg.setAttribute('aria-label', 'histogram of ' + stats.count + ' elements');
    return svg;
  }

  function statistics(title, name, stats, gradient) {
    var heading = element('h3', null, title);
    if (name) {
      heading.appendChild(document.createTextNode(' '));
      heading.appendChild(element('span', 'value-name', name));
    }
    panel.appendChild(heading);
    var table = element('table', 'stats ' + (gradient ? 'gradient-stats' : 'value-stats'));
    [['elements', stats.count], ['mean', number(stats.mean)], ['sd', number(stats.sd)],
      ['min', number(stats.min)], ['max', number(stats.max)]].forEach(function (row) {
      var tr = element('tr');
      tr.appendChild(element('td', null, row[0]));
      tr.appendChild(element('td', null, String(row[1])));
      table.appendChild(tr);
    });
    if (stats.nonFinite > 0) {
      var tr = element('tr');
      tr.appendChild(element('td', null, 'NaN/∞'));
      tr.appendChild(element('td', null, String(stats.nonFinite)));
      table.appendChild(tr);
    }
    panel.appendChild(table);
    panel.appendChild(histogram(stats, gradient));
  }

  function select(id) {
    var facts = currentFacts()[id];
    if (!facts) { return; }
    nodes().forEach(function (g) { g.classList.toggle('selected', nodeId(g) === id); });
    state.selected = id;
    panel.innerHTML = '';
    panel.dataset.node = id;
    panel.appendChild(element('h2', 'node-name', facts.name));
    var dl = element('dl');
    [['kind', facts.kind], ['operation', facts.op ? facts.op + (facts.label && facts.label
      !== facts.op ? ' (' + facts.label + ')' : '') : null], ['shape', facts.shape],
      ['layer', facts.scope || null], ['derivative of', facts.derivativeOf || null]]
      .forEach(function (row) {
        if (row[1] === null || row[1] === undefined) { return; }
        dl.appendChild(element('dt', null, row[0]));
        dl.appendChild(element('dd', 'fact-' + row[0].replace(/ /g, '-'), row[1]));
      });
    panel.appendChild(dl);
    if (facts.formula) {
      panel.appendChild(element('h3', null, 'Formula'));
      panel.appendChild(element('p', 'formula-text', facts.formula));
      var math = element('div', 'formula-math');
      panel.appendChild(math);
      typeset(facts.latex, math, id);
    }
    if (facts.value) {
      statistics('Value', null, facts.value, false);
    } else if (data.graphs[currentView().graph].valuesMissing) {
      panel.appendChild(element('p', 'note', 'No values: '
        + data.graphs[currentView().graph].valuesMissing));
    }
    if (facts.gradient) {
      statistics('Gradient', facts.gradientName, facts.gradient, true);
    }
    panel.appendChild(element('h3', null, 'Created at'));
    panel.appendChild(element('code', 'site', facts.site || 'not recorded'));
  }

  function typeset(latex, target, id) {
    if (!window.MathJax || !MathJax.startup || !MathJax.startup.promise) {
      target.textContent = latex;
      return;
    }
    MathJax.startup.promise.then(function () {
      if (!document.getElementById('MJX-SVG-styles')) {
        document.head.appendChild(MathJax.svgStylesheet());
      }
      return MathJax.tex2svgPromise(latex, { display: true });
    }).then(function (node) {
      if (state.selected === id) {
        target.appendChild(node);
        target.dataset.typeset = 'true';
      }
    }).catch(function (err) {
      target.textContent = latex;
      target.title = 'MathJax could not typeset this formula: ' + err.message;
    });
  }

  show(data.views[0].key, null);
}());
