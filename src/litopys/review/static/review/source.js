/* The staff source page: selecting words fills in the new claim (moved out of the template for the Content-Security-Policy). */
(function () {
  var box = document.getElementById("source-text"), form = document.getElementById("new-claim");
  box.addEventListener("mouseup", function () {
    var sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return;
    var range = sel.getRangeAt(0);
    function offset(node, off) {
      var el = node.nodeType === 3 ? node.parentNode : node;
      while (el && el !== box && !el.dataset.start) el = el.parentNode;
      return el && el.dataset.start ? parseInt(el.dataset.start, 10) + off : null;
    }
    var start = offset(range.startContainer, range.startOffset), end = offset(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    form.elements.quote.value = sel.toString();
    form.elements.start.value = start;
    form.elements.end.value = end;
  });
})();
