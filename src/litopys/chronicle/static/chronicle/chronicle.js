/* Litopys public site: small enhancements over pages that work without JavaScript. */
(function () {
  "use strict";

  /* A figure's sources in a popover next to the number (without JS the link jumps to the note). */
  var popover = null;
  var opener = null;

  function closePopover() {
    if (!popover) { return; }
    popover.remove();
    popover = null;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
      opener = null;
    }
  }

  function openPopover(link) {
    var note = document.getElementById("fig-note-" + link.getAttribute("data-fig"));
    if (!note) { return false; }
    closePopover();
    opener = link;
    popover = document.createElement("div");
    popover.className = "fig-popover";
    popover.id = "fig-popover";
    popover.setAttribute("role", "dialog");
    popover.setAttribute("aria-label", document.getElementById("figure-notes-title").textContent);
    popover.tabIndex = -1;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.textContent = "×";
    close.setAttribute("aria-label", document.documentElement.lang === "uk" ? "Закрити" : "Close");
    close.addEventListener("click", closePopover);
    popover.appendChild(close);
    Array.prototype.forEach.call(note.childNodes, function (child) { popover.appendChild(child.cloneNode(true)); });
    document.body.appendChild(popover);
    var box = link.getBoundingClientRect();
    var left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth -
                        popover.offsetWidth - 8);
    popover.style.left = Math.max(8, left) + "px";
    popover.style.top = (box.bottom + window.scrollY + 6) + "px";
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-controls", "fig-popover");
    popover.focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.fig[data-fig]");
    if (link) {
      if (openPopover(link)) { event.preventDefault(); }
      return;
    }
    if (popover && !popover.contains(event.target)) { closePopover(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closePopover(); }
  });

  /* Copy the link of an article. */
  Array.prototype.forEach.call(document.querySelectorAll("button.copy-link"), function (button) {
    button.hidden = false;
    var status = button.parentNode.querySelector(".copy-status");
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      var done = function () { if (status) { status.textContent = button.getAttribute("data-copied"); } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(button); done(); });
      } else {
        fallbackCopy(button);
        done();
      }
    });
  });

  function fallbackCopy(button) {
    var input = button.parentNode.querySelector("input");
    if (!input) { return; }
    input.select();
    try { document.execCommand("copy"); } catch (ignored) { /* the selected URL can still be copied by hand */ }
  }

  /* Stars light up to the one under the pointer. */
  Array.prototype.forEach.call(document.querySelectorAll(".star-inputs"), function (group) {
    var labels = group.querySelectorAll("label");
    Array.prototype.forEach.call(labels, function (label, index) {
      label.addEventListener("mouseenter", function () {
        Array.prototype.forEach.call(labels, function (other, at) { other.classList.toggle("lit", at <= index); });
      });
    });
    group.addEventListener("mouseleave", function () {
      Array.prototype.forEach.call(labels, function (other) { other.classList.remove("lit"); });
    });
  });

  /* A sensitive image stays blurred behind its warning until the reader asks to see it. */
  Array.prototype.forEach.call(document.querySelectorAll("details.sensitive"), function (details) {
    var image = details.querySelector("img");
    if (!image) { return; }
    var box = document.createElement("div");
    box.className = "blur-box is-blurred";
    box.tabIndex = -1;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "reveal";
    var warning = document.createElement("span");
    warning.className = "cw";
    warning.textContent = details.querySelector(".cw").textContent;
    button.appendChild(warning);
    button.appendChild(document.createTextNode(details.querySelector(".reveal-label").textContent));
    image.setAttribute("aria-hidden", "true");
    box.appendChild(image);
    box.appendChild(button);
    button.addEventListener("click", function () {
      box.classList.remove("is-blurred");
      image.removeAttribute("aria-hidden");
      button.remove();
      box.focus();
    });
    details.replaceWith(box);
  });

  /* Reply under the comment itself, without reloading the page. */
  var respond = document.getElementById("respond");
  if (respond) {
    var home = respond.parentNode;
    var title = document.getElementById("reply-title");
    var original = title ? title.textContent : "";
    var parentField = respond.querySelector("input[name=parent]");
    Array.prototype.forEach.call(document.querySelectorAll("a.reply-link"), function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var comment = document.getElementById("comment-" + link.getAttribute("data-reply-to"));
        comment.querySelector(".comment-card").after(respond);
        parentField.value = link.getAttribute("data-reply-to");
        title.textContent = original + " — " + link.getAttribute("data-reply-name");
        var cancel = respond.querySelector(".js-cancel");
        if (!cancel) {
          cancel = document.createElement("button");
          cancel.type = "button";
          cancel.className = "js-cancel";
          cancel.textContent = document.documentElement.lang === "uk" ? "Скасувати відповідь" : "Cancel reply";
          cancel.addEventListener("click", function () {
            parentField.value = "";
            title.textContent = original;
            cancel.remove();
            home.appendChild(respond);
          });
          title.after(cancel);
        }
        respond.querySelector("textarea").focus();
      });
    });
  }
})();
