/* The staff review queue: keyboard shortcuts (moved out of the template for the Content-Security-Policy). */
(function () {
  var items = Array.prototype.slice.call(document.querySelectorAll("section[data-claim]")), at = 0;
  function focus(i) { if (!items.length) return; items.forEach(function (el) { el.classList.remove("current"); });
    at = Math.max(0, Math.min(items.length - 1, i)); items[at].classList.add("current"); items[at].focus(); }
  document.addEventListener("keydown", function (e) {
    if (e.target.tagName === "INPUT" || e.target.tagName === "SELECT" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j") { focus(at + 1); e.preventDefault(); return; }
    if (e.key === "k") { focus(at - 1); e.preventDefault(); return; }
    var item = items[at]; if (!item) return;
    var button = item.querySelector('button[data-key="' + e.key + '"]'); if (!button) return;
    var reason = button.form.querySelector('input[name="reason"]');
    if (reason) { var text = window.prompt(button.textContent + ": reason?"); if (!text) return; reason.value = text; }
    button.form.submit(); e.preventDefault();
  });
  focus(0);
})();
