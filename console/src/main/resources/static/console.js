// The console's few behaviours that HTML and htmx do not give: errors of htmx requests shown in the page's alert
// region, the previews reloaded after an issue, a 更正 or an edit, the bulletin month picker, the new password typed
// twice, the copy button of a secret shown once, and the part of a policy form its order uses.
(function () {
  "use strict";

  function alertRegion() {
    return document.getElementById("alerts");
  }

  function show(message) {
    var region = alertRegion();
    if (!region) { return; }
    region.textContent = "";
    var box = document.createElement("div");
    box.className = "alert alert-error";
    box.textContent = message;
    region.appendChild(box);
  }

  // htmx does not swap 4xx/5xx answers: an HTML fragment from the console goes to the alert region, anything else
  // (the security chain's problem JSON, a proxy's page) is named by its status.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status < 400) { return; }
    var type = xhr.getResponseHeader("Content-Type") || "";
    if (type.indexOf("text/html") === 0 && alertRegion()) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      event.detail.target = alertRegion();
      event.detail.swapOverride = "innerHTML";
      return;
    }
    if (xhr.status === 401) {
      window.location.reload(); // the session ended: the gateway sends the page to the sign-in form
    } else if (xhr.status === 403) {
      show("您的账户无权执行这项操作。");
    } else {
      show("操作未完成（" + xhr.status + "），请稍后重试。");
    }
  });

  document.addEventListener("htmx:sendError", function () {
    show("无法连接控制台，请检查网络后重试。");
  });

  // after an issue, a 更正 or a draft edit the previews show the bulletin as it now stands
  ["bulletin-issued", "bulletin-corrected", "bulletin-edited"].forEach(function (name) {
    document.addEventListener(name, function () {
      ["bulletin-preview", "draft-preview"].forEach(function (id) {
        var frame = document.getElementById(id);
        if (frame) { frame.src = frame.src; }
      });
    });
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-bulletin-picker")) {
      event.preventDefault();
      window.location.href = form.action.replace(/[^/]*$/, form.elements.period.value);
    }
  });

  // A secret shown once: the copy button copies its text box and says so; where the clipboard is not available (no
  // secure context) the text stays selected for Ctrl+C.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) { return; }
    var box = document.getElementById(button.getAttribute("data-copy"));
    if (!box) { return; }
    box.select();
    var done = function () { button.textContent = "已复制"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).then(done, function () { button.textContent = "请按 Ctrl+C"; });
    } else {
      button.textContent = document.execCommand && document.execCommand("copy") ? "已复制" : "请按 Ctrl+C";
    }
  });

  // A policy form: only the part its order uses (weights or the comparison order) can be filled in and is sent.
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (select.name !== "order" || !select.form) { return; }
    select.form.querySelectorAll("fieldset[data-order]").forEach(function (part) {
      part.disabled = part.getAttribute("data-order") !== select.value;
    });
  });

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (!form || !form.hasAttribute("data-password-change")) { return; }
    var again = form.elements.repeat;
    again.setCustomValidity(again.value && again.value !== form.elements.password.value
      ? "两次输入的新密码不一致" : "");
  });
})();
