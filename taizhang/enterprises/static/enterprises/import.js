// The import page: while the upload runs, read its progress every second.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("import-form");
  var box = document.getElementById("import-progress");
  if (!form || !box) return;
  form.addEventListener("submit", function () {
    box.hidden = false;
    var url = box.getAttribute("data-url");
    var words = { read: box.getAttribute("data-read"), write: box.getAttribute("data-write") };
    var timer = setInterval(function () {
      fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (state) {
        if (state.stage === "read" || state.stage === "write") {
          box.textContent = words[state.stage].replace("0", state.done.toLocaleString());
        }
        if (state.stage === "done" || state.stage === "refused") clearInterval(timer);
      }).catch(function () { clearInterval(timer); });
    }, 1000);
  });
});
