// The article page: pointing at or focusing a highlighted claim span shows its details.
(function () {
  "use strict";
  var text = document.getElementById("text");
  if (!text) return;
  var details = document.querySelectorAll(".claim-detail");
  document.body.classList.add("js");
  function show(n) {
    details.forEach(function (d) { d.classList.toggle("shown", d.getAttribute("data-claim") === n); });
    text.querySelectorAll("mark.span").forEach(function (m) { m.classList.toggle("active", m.getAttribute("data-claim") === n); });
  }
  function pick(ev) {
    var m = ev.target.closest ? ev.target.closest("mark.span") : null;
    if (m) show(m.getAttribute("data-claim"));
  }
  text.addEventListener("mouseover", pick);
  text.addEventListener("focusin", pick);
  text.addEventListener("click", pick);
  document.addEventListener("selectionchange", function () {
    var s = window.getSelection();
    if (!s || s.isCollapsed || !s.anchorNode) return;
    var el = s.anchorNode.nodeType === 1 ? s.anchorNode : s.anchorNode.parentElement;
    var m = el && el.closest ? el.closest("mark.span") : null;
    if (m) show(m.getAttribute("data-claim"));
  });
})();
