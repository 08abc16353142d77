// The proposition page's status timeline: vis-timeline over the JSON the page carries.
(function () {
  "use strict";
  var box = document.getElementById("timeline");
  var src = document.getElementById("timeline-data");
  if (!box || !src || typeof vis === "undefined") return;
  var changes = JSON.parse(src.textContent);
  function escape(s) {
    return String(s).replace(/[&<>"']/g, function (ch) { return "&#" + ch.charCodeAt(0) + ";"; });
  }
  var items = [];
  changes.forEach(function (t, i) {
    if (!t.date) return;
    var next = changes[i + 1] && changes[i + 1].date;
    var label = t.status + (t.low !== null ? " · " + t.low.toLocaleString() + (t.high !== t.low ? "–" + t.high.toLocaleString() : "") : "");
    var title = escape(t.claims.map(function (c) { return c.source + " (" + c.stance + ")"; }).join(", "));
    var item = { id: i, content: label, start: t.date, className: "status-" + t.status, title: title };
    if (next) { item.end = next; item.type = "range"; } else { item.type = "box"; }
    items.push(item);
  });
  if (!items.length) { box.textContent = "No dated claims."; return; }
  // Text content only: vis-timeline would otherwise read item content as HTML.
  var options = { stack: false, zoomable: true, height: "140px",
                  template: function (item) { var s = document.createElement("span"); s.textContent = item.content; return s; } };
  var tl = new vis.Timeline(box, new vis.DataSet(items), options);
  box.setAttribute("data-rendered", String(items.length));
  tl.on("select", function (props) {
    var t = changes[props.items[0]];
    if (!t || !t.claims.length) return;
    var el = document.getElementById(t.claims[0].id);
    if (el) { el.scrollIntoView({ behavior: "smooth", block: "center" }); el.classList.add("flash"); }
  });
})();
