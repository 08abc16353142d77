// The map: country outlines (world-atlas, shipped) in Web Mercator as SVG, one circle per place,
// and online tiles underneath only when the server was started with --tiles.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || typeof topojson === "undefined") return;
  var places = JSON.parse(document.getElementById("places-data").textContent);
  var tiles = box.getAttribute("data-tiles");
  var W = 1024, H = 1024, NS = "http://www.w3.org/2000/svg";
  function project(lon, lat) {
    lat = Math.max(-85.05, Math.min(85.05, lat));
    var x = (lon + 180) / 360 * W;
    var s = Math.sin(lat * Math.PI / 180);
    var y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * H;
    return [x, y];
  }
  var svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 120 " + W + " " + (H - 300));
  svg.setAttribute("class", "world");
  box.appendChild(svg);
  if (tiles) {
    var z = 2, n = 4;
    for (var tx = 0; tx < n; tx++) for (var ty = 0; ty < n; ty++) {
      var img = document.createElementNS(NS, "image");
      img.setAttribute("href", tiles.replace("{z}", z).replace("{x}", tx).replace("{y}", ty));
      img.setAttribute("x", tx * W / n); img.setAttribute("y", ty * H / n);
      img.setAttribute("width", W / n); img.setAttribute("height", H / n);
      svg.appendChild(img);
    }
  }
  function ring(coords) {
    var d = "", prev = null, broken = false;
    coords.forEach(function (c, i) {
      var p = project(c[0], c[1]);
      // do not draw a line across the whole map where a ring crosses the antimeridian
      var jump = prev && Math.abs(p[0] - prev[0]) > W / 2;
      broken = broken || jump;
      d += (i === 0 || jump ? "M" : "L") + p[0].toFixed(1) + "," + p[1].toFixed(1);
      prev = p;
    });
    return broken ? d : d + "Z";
  }
  fetch("/static/vendor/world-atlas/countries-110m.json").then(function (r) { return r.json(); }).then(function (world) {
    var fc = topojson.feature(world, world.objects.countries);
    var g = document.createElementNS(NS, "g");
    g.setAttribute("class", tiles ? "countries over-tiles" : "countries");
    fc.features.forEach(function (f) {
      if (!f.geometry) return;
      var polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      var path = document.createElementNS(NS, "path");
      path.setAttribute("d", polys.map(function (p) { return p.map(ring).join(""); }).join(""));
      var t = document.createElementNS(NS, "title"); t.textContent = (f.properties && f.properties.name) || "";
      path.appendChild(t);
      g.appendChild(path);
    });
    svg.insertBefore(g, svg.querySelector("g.places"));
    box.setAttribute("data-countries", String(fc.features.length));
  });
  var max = places.reduce(function (m, p) { return Math.max(m, p.claims); }, 1);
  var pg = document.createElementNS(NS, "g");
  pg.setAttribute("class", "places");
  places.forEach(function (p) {
    var xy = project(p.lon, p.lat);
    var a = document.createElementNS(NS, "a");
    a.setAttribute("href", "/search?q=" + encodeURIComponent(p.name));
    var c = document.createElementNS(NS, "circle");
    c.setAttribute("cx", xy[0]); c.setAttribute("cy", xy[1]);
    c.setAttribute("r", 3 + 9 * Math.sqrt(p.claims / max));
    var t = document.createElementNS(NS, "title");
    t.textContent = p.name + ": " + p.claims + " claim(s)";
    c.appendChild(t); a.appendChild(c); pg.appendChild(a);
  });
  svg.appendChild(pg);
  box.setAttribute("data-places", String(places.length));
})();
