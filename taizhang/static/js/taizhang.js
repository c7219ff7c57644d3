/* Review screen: a task card and its source span find each other (click either one). */
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-span]");
  if (!link) { return; }
  var mark = document.getElementById(link.getAttribute("data-span"));
  if (!mark) { return; }
  event.preventDefault();
  document.querySelectorAll(".source mark.active, .task-card.active").forEach(function (el) {
    el.classList.remove("active");
  });
  mark.classList.add("active");
  mark.scrollIntoView({behavior: "smooth", block: "center"});
  var card = link.closest(".task-card");
  if (card) { card.classList.add("active"); }
});
document.addEventListener("click", function (event) {
  var mark = event.target.closest(".source mark[data-card]");
  if (!mark) { return; }
  var card = document.getElementById(mark.getAttribute("data-card"));
  if (!card && mark.getAttribute("data-href")) { window.location.href = mark.getAttribute("data-href"); return; }
  if (card) {
    document.querySelectorAll(".task-card.active").forEach(function (el) { el.classList.remove("active"); });
    card.classList.add("active");
    card.scrollIntoView({behavior: "smooth", block: "center"});
  }
});
/* htmx: swap the answer of a refused form (400 wrong input, 409 stale edit, 422) so its errors show. */
document.addEventListener("DOMContentLoaded", function () {
  if (!window.htmx) { return; }
  htmx.config.responseHandling = [
    {code: "204", swap: false},
    {code: "[23]..", swap: true},
    {code: "(400|409|422)", swap: true, error: false},
    {code: "[45]..", swap: false, error: true}
  ];
});
/* A filter or language select submits its form when changed (no inline handlers: see the CSP). */
document.addEventListener("change", function (event) {
  var select = event.target.closest("select[data-autosubmit]");
  if (select && select.form) { select.form.submit(); }
});
