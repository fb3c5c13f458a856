// Progressive enhancements; every page works without them.
"use strict";

// Sortable tables. Every table.sortable gets a button in each column
// heading of its header row; activating it sorts the rows of the table body
// by that column, ascending first, then toggling. aria-sort on the heading
// tells assistive technology the current order. A cell's data-sort
// attribute, when present, is sorted on instead of its text. Numbers sort
// as numbers, text by the page's language with embedded numbers in numeric
// order, and empty cells (or a dash) always come last.
(function () {
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
  var numberPattern = /^[-+]?[$]?\d[\d,]*(\.\d+)?%?$/;

  function sortKey(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    value = value.replace(/\s+/g, " ").trim();
    return value === "—" || value === "-" || value === "–" ? "" : value;
  }

  function compareKeys(a, b) {
    if (numberPattern.test(a) && numberPattern.test(b)) {
      return parseFloat(a.replace(/[$,%]/g, "")) - parseFloat(b.replace(/[$,%]/g, ""));
    }
    return collator.compare(a, b);
  }

  function sortRows(table, index, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, i) {
      return { row: row, key: sortKey(row, index), at: i };
    });
    rows.sort(function (x, y) {
      if (x.key === "" || y.key === "") {
        return (x.key === "") - (y.key === "") || x.at - y.at;
      }
      var order = compareKeys(x.key, y.key);
      return (descending ? -order : order) || x.at - y.at;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
  }

  function activate(table, th, index) {
    var descending = th.getAttribute("aria-sort") === "ascending";
    var headings = table.tHead.rows[table.tHead.rows.length - 1].cells;
    Array.prototype.forEach.call(headings, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    sortRows(table, index, descending);
  }

  function enhanceHeading(table, th, index) {
    if (th.colSpan > 1) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener("click", function () { activate(table, th, index); });
  }

  function enhance(table) {
    if (!table.tHead || !table.tBodies.length || table.tBodies[0].rows.length < 2) return;
    var headings = table.tHead.rows[table.tHead.rows.length - 1].cells;
    Array.prototype.forEach.call(headings, function (th, i) { enhanceHeading(table, th, i); });
    if (table.caption) {
      var hint = document.createElement("span");
      hint.className = "visually-hidden";
      hint.textContent = " (column headings are buttons that sort the table)";
      table.caption.appendChild(hint);
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
