// Sortable tables and filters whose state is kept in the address's #hash, so a link shows the same
// view. No library and no network: the site works opened from disk.
(function () {
  var state = new URLSearchParams(location.hash.slice(1));
  function save() {
    var hash = state.toString();
    try { history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search); }
    catch (e) { location.replace("#" + hash); }
  }
  function key(cell) {
    var text = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    var number = text.replace(/\s|%/g, "").replace(",", ".");
    return number !== "" && !isNaN(number) ? Number(number) : text;
  }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    if (typeof a === "number") { return -1; }
    if (typeof b === "number") { return 1; }
    return a.localeCompare(b, "nb");
  }
  function sortTable(table, column, descending) {
    var body = table.tBodies[0], heads = table.tHead.rows[0].cells;
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (x, y) {
      var order = compare(key(x.cells[column]), key(y.cells[column]));
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(heads, function (th, k) {
      if (k === column) { th.setAttribute("aria-sort", descending ? "descending" : "ascending"); }
      else { th.removeAttribute("aria-sort"); }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var name = "sort-" + table.id, heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      th.tabIndex = 0;
      function activate() {
        var descending = th.getAttribute("aria-sort") === "ascending";
        sortTable(table, column, descending);
        state.set(name, (descending ? "-" : "") + column);
        save();
      }
      th.addEventListener("click", activate);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); activate(); } });
    });
    var wanted = state.get(name);
    if (wanted && heads[Math.abs(parseInt(wanted, 10))]) { sortTable(table, Math.abs(parseInt(wanted, 10)), wanted[0] === "-"); }
  });
  // A filter form: its fields (q: words, others: data-NAME equal) show or hide every [data-filtered] element.
  var form = document.querySelector("form.filters");
  if (!form) { return; }
  var fields = Array.prototype.slice.call(form.querySelectorAll("input[name], select[name]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-filtered]"));
  var counter = form.querySelector("[data-one]");
  function fold(text) { return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, ""); }
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = fields.every(function (field) {
        var value = field.value;
        if (!value) { return true; }
        if (field.name === "q") { return fold(row.textContent).indexOf(fold(value)) >= 0; }
        return row.getAttribute("data-" + field.name) === value;
      });
      row.hidden = !ok;
      if (ok && row.hasAttribute("data-counted")) { shown += 1; }
    });
    if (counter) {
      counter.textContent = shown + " " + (shown === 1 ? counter.getAttribute("data-one") : counter.getAttribute("data-many"));
    }
    form.dispatchEvent(new CustomEvent("filtered"));
  }
  fields.forEach(function (field) {
    if (state.get(field.name)) { field.value = state.get(field.name); }
    function changed() {
      if (field.value) { state.set(field.name, field.value); } else { state.delete(field.name); }
      save();
      apply();
    }
    field.addEventListener("input", changed);
    field.addEventListener("change", changed);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
