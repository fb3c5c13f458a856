// The moving form and the state picker of the compare pages. Without
// JavaScript the form leads to /move/, which lists every license, and a
// compare page shows every state.
"use strict";
(function () {
  function compareURL(form) {
    var specialty = form.elements.specialty.value;
    var from = form.elements.from.value;
    var to = form.elements.to.value;
    var states = [from, to].filter(function (s, i, all) { return s && all.indexOf(s) === i; });
    return "/specialties/" + encodeURIComponent(specialty) + "/compare/?states=" + states.map(encodeURIComponent).join(",") + "&to=" + encodeURIComponent(to);
  }

  function enhanceMoveForm(form) {
    form.addEventListener("submit", function (event) {
      if (!form.elements.to.value || !form.elements.specialty.value) return; // the browser asks for them
      event.preventDefault();
      window.location.assign(compareURL(form));
    });
  }

  // chosen returns the state codes named by ?states=, in lower case.
  function chosen() {
    var value = new URLSearchParams(window.location.search).get("states") || "";
    return value.toLowerCase().split(",").filter(function (s) { return /^[a-z]{2}$/.test(s); });
  }

  function enhancePicker(picker) {
    var table = document.getElementById("compare");
    var columns = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.getAttribute("data-state"); });
    var boxes = Array.prototype.slice.call(picker.querySelectorAll("input[name=states]"));
    var status = document.getElementById("picker-status");
    var absent = document.querySelectorAll("#compare-absent [data-state]");
    var to = (new URLSearchParams(window.location.search).get("to") || "").toLowerCase();

    function apply() {
      var states = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      var all = states.length === 0;
      // A column is a state's: its head says which, and every row's cell
      // at the same place belongs to it.
      Array.prototype.forEach.call(table.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          var state = columns[i];
          if (!state) return;
          cell.hidden = !all && states.indexOf(state) < 0;
          cell.classList.toggle("destination", state === to);
        });
      });
      var missing = 0;
      Array.prototype.forEach.call(absent, function (item) {
        item.hidden = all || states.indexOf(item.getAttribute("data-state")) < 0;
        if (!item.hidden) missing++;
      });
      document.getElementById("compare-absent").hidden = missing === 0;
      var names = boxes.filter(function (b) { return b.checked && b.parentNode; }).map(function (b) { return b.parentNode.textContent.trim(); });
      status.textContent = all ? "every state is shown." : names.join(", ") + (names.length < states.length ? " and " + (states.length - names.length) + " more" : "") + " (" + states.length + (states.length === 1 ? " state)." : " states).");
      var url = new URL(window.location.href);
      if (all) url.searchParams.delete("states"); else url.searchParams.set("states", states.join(","));
      window.history.replaceState(null, "", url);
    }

    var wanted = chosen();
    boxes.forEach(function (b) {
      b.checked = wanted.indexOf(b.value) >= 0;
      b.addEventListener("change", apply);
    });
    // A state asked for without a license of its own still counts, so that
    // its finding shows.
    wanted.forEach(function (code) {
      if (!boxes.some(function (b) { return b.value === code; })) {
        var extra = document.createElement("input");
        extra.type = "checkbox"; extra.value = code; extra.checked = true; extra.hidden = true;
        boxes.push(extra);
      }
    });
    document.getElementById("picker-all").addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      apply();
    });
    picker.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.move-form"), enhanceMoveForm);
    var picker = document.getElementById("state-picker");
    if (picker) enhancePicker(picker);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
