// Search as you type, with no server and no third party.
//
// The header box (#site-search) becomes an ARIA combobox: suggestions
// appear in a listbox below it; the up and down arrow keys move through
// them, Enter opens the chosen one (or, with none chosen, submits the form
// to /search/?q=...), and Escape closes the list. On /search/, the full
// list of records the page renders for readers without JavaScript is
// filtered and ranked as the reader types in #search-page-q, and a live
// region says how many records match.
//
// The index is /search/index.json, fetched from the site itself on first
// use; see internal/search for its format. Everything is built with DOM
// methods and textContent, so no record text is ever parsed as HTML.
(function () {
  "use strict";

  var INDEX_URL = "/search/index.json";
  var MAX_SUGGESTIONS = 8;
  var loading = null;

  // fold lower-cases s and strips its accents, so that "Perú" matches "peru".
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(s) {
    return fold(s).split(/[^a-z0-9]+/).filter(Boolean);
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) {
        throw new Error(url + ": HTTP " + r.status);
      }
      return r.json();
    });
  }

  function makeEntry(kinds, row, order) {
    var kind = kinds[row[0]] || ["", "", "/"];
    var path = String(row[1]);
    return {
      kind: kind[0],
      label: kind[1],
      url: path.charAt(0) === "/" ? path : kind[2] + path,
      title: row[2],
      detail: row[3],
      titleWords: words(row[2]),
      titlePhrase: words(row[2]).join(" "),
      otherWords: words(row[3] + " " + row[4] + " " + kind[1]),
      order: order
    };
  }

  // load fetches the index once, whole or in parts, and resolves to the
  // list of entries.
  function load() {
    if (!loading) {
      loading = getJSON(INDEX_URL).then(function (index) {
        var parts = index.parts ? Promise.all(index.parts.map(getJSON)) : Promise.resolve([index]);
        return parts.then(function (files) {
          var entries = [];
          files.forEach(function (f) {
            (f.entries || []).forEach(function (row) {
              entries.push(makeEntry(index.kinds || [], row, entries.length));
            });
          });
          return entries;
        });
      });
      loading.catch(function () {
        loading = null; // try again on next use
      });
    }
    return loading;
  }

  // score ranks an entry for the query words: every word must begin a word
  // of the entry; whole words count more than prefixes, and words of the
  // title more than keywords.
  function score(entry, query) {
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      var q = query[i];
      var best = 0;
      entry.titleWords.forEach(function (w) {
        if (w === q) {
          best = Math.max(best, 10);
        } else if (w.lastIndexOf(q, 0) === 0) {
          best = Math.max(best, 6);
        }
      });
      if (best < 10) {
        entry.otherWords.forEach(function (w) {
          if (w === q) {
            best = Math.max(best, 4);
          } else if (w.lastIndexOf(q, 0) === 0) {
            best = Math.max(best, 2);
          }
        });
      }
      if (!best) {
        return 0;
      }
      total += best;
    }
    if (entry.titlePhrase.lastIndexOf(query.join(" "), 0) === 0) {
      total += 5;
    }
    return total;
  }

  function search(entries, text) {
    var query = words(text);
    if (!query.length) {
      return [];
    }
    var out = [];
    entries.forEach(function (e) {
      var s = score(e, query);
      if (s) {
        out.push({ entry: e, score: s });
      }
    });
    out.sort(function (a, b) {
      return b.score - a.score || a.entry.order - b.entry.order;
    });
    return out.map(function (r) {
      return r.entry;
    });
  }

  function debounce(fn, ms) {
    var timer = 0;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  // combobox turns the header search box into a combobox with a listbox
  // of suggestions.
  function combobox(input) {
    var form = input.form;
    var list = document.createElement("ul");
    list.id = input.id + "-listbox";
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search suggestions");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var options = [];
    var active = -1;
    var generation = 0;

    function setActive(i) {
      if (active >= 0 && options[active]) {
        options[active].el.setAttribute("aria-selected", "false");
      }
      active = i;
      if (i >= 0 && options[i]) {
        options[i].el.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[i].el.id);
        options[i].el.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function addOption(url, title, detail) {
      var li = document.createElement("li");
      li.id = list.id + "-" + options.length;
      li.className = "search-option";
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      var t = document.createElement("span");
      t.className = "search-option-title";
      t.textContent = title;
      li.appendChild(t);
      if (detail) {
        var d = document.createElement("span");
        d.className = "detail";
        d.textContent = detail;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(d);
      }
      options.push({ el: li, url: url });
      list.appendChild(li);
    }

    function show(results, text) {
      close();
      list.textContent = "";
      options = [];
      results.slice(0, MAX_SUGGESTIONS).forEach(function (e) {
        addOption(e.url, e.title, e.label + (e.detail ? " · " + e.detail : ""));
      });
      if (results.length > MAX_SUGGESTIONS) {
        addOption("/search/?q=" + encodeURIComponent(text.trim()), "See all " + results.length + " results", "");
      }
      status.textContent = results.length
        ? plural(results.length, "result", "results") + ". Use the up and down arrow keys to choose one."
        : "No results. Press Enter to search the full list.";
      open();
    }

    function update() {
      var text = input.value;
      var mine = ++generation;
      if (words(text).join("").length < 2) {
        close();
        status.textContent = "";
        return;
      }
      load().then(function (entries) {
        if (mine === generation) {
          show(search(entries, text), text);
        }
      }, function () {
        if (mine === generation) {
          close();
          status.textContent = "Suggestions are unavailable. Press Enter to search.";
        }
      });
    }

    function go(i) {
      if (options[i]) {
        window.location.assign(options[i].url);
      }
    }

    input.addEventListener("input", update);
    input.addEventListener("focus", function () {
      load().catch(function () {});
      if (input.value) {
        update();
      }
    });
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (ev) {
      if (ev.altKey || ev.ctrlKey || ev.metaKey) {
        return;
      }
      switch (ev.key) {
        case "ArrowDown":
          ev.preventDefault();
          if (list.hidden) {
            if (options.length) {
              open();
            } else {
              update();
            }
          } else if (options.length) {
            setActive((active + 1) % options.length);
          }
          break;
        case "ArrowUp":
          if (!list.hidden && options.length) {
            ev.preventDefault();
            setActive(active <= 0 ? options.length - 1 : active - 1);
          }
          break;
        case "Enter":
          if (!list.hidden && active >= 0) {
            ev.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (!list.hidden) {
            ev.preventDefault();
            close();
          } else if (input.value) {
            ev.preventDefault();
            input.value = "";
            update();
          }
          break;
      }
    });
    // Keep the focus in the box when an option is pressed, so that blur
    // does not close the list before the click lands.
    list.addEventListener("mousedown", function (ev) {
      ev.preventDefault();
    });
    list.addEventListener("click", function (ev) {
      var li = ev.target.closest("[role=option]");
      for (var i = 0; li && i < options.length; i++) {
        if (options[i].el === li) {
          go(i);
        }
      }
    });
    window.addEventListener("pageshow", close);
  }

  // filterPage filters and ranks the list of every record on /search/.
  function filterPage(container, input, status) {
    var groups = Array.prototype.map.call(container.querySelectorAll(".search-group"), function (section) {
      var ul = section.querySelector("ul");
      var count = section.querySelector(".count");
      var label = section.getAttribute("data-label") || "";
      var items = Array.prototype.map.call(ul.children, function (li, i) {
        var a = li.querySelector("a");
        return { li: li, href: a ? a.getAttribute("href") : "", text: li.textContent, order: i };
      });
      return { section: section, ul: ul, count: count, label: label, items: items };
    });

    function apply() {
      var text = input.value.trim();
      var query = words(text);
      var url = query.length ? "?q=" + encodeURIComponent(text) : window.location.pathname;
      window.history.replaceState(null, "", url);
      var total = 0;
      var parts = [];
      groups.forEach(function (g) {
        var shown = [];
        g.items.forEach(function (it) {
          it.score = query.length ? score(it.entry, query) : 1;
          it.li.hidden = !it.score;
          if (it.score) {
            shown.push(it);
          }
        });
        shown.sort(function (a, b) {
          return b.score - a.score || a.order - b.order;
        });
        shown.forEach(function (it) {
          g.ul.appendChild(it.li);
        });
        g.section.hidden = !shown.length;
        if (g.count) {
          g.count.textContent = String(shown.length);
        }
        total += shown.length;
        if (shown.length) {
          parts.push(g.label + ": " + shown.length);
        }
      });
      if (!query.length) {
        status.textContent = "";
      } else if (total) {
        status.textContent = plural(total, "record matches", "records match") + " “" + text + "”. " + parts.join(", ") + ".";
      } else {
        status.textContent = "No record matches “" + text + "”. Try fewer words, a certification such as RRT, or a state code such as TX.";
      }
    }

    load().then(function (entries) {
      var byURL = {};
      entries.forEach(function (e) {
        byURL[e.url] = e;
      });
      groups.forEach(function (g) {
        g.items.forEach(function (it) {
          it.entry = byURL[it.href] || {
            titleWords: words(it.text), titlePhrase: words(it.text).join(" "), otherWords: []
          };
        });
      });
      apply();
      input.addEventListener("input", debounce(apply, 60));
      input.form.addEventListener("submit", function (ev) {
        ev.preventDefault(); // the list filters as you type; no reload needed
        apply();
      });
    }, function () {
      status.textContent = "Search could not load. Every record is listed below.";
    });
  }

  function init() {
    var box = document.getElementById("site-search");
    if (box && box.form && window.fetch) {
      combobox(box);
    }
    var all = document.getElementById("search-all");
    var pageBox = document.getElementById("search-page-q");
    var status = document.getElementById("search-status");
    if (all && pageBox && status && window.fetch) {
      pageBox.value = new URLSearchParams(window.location.search).get("q") || "";
      filterPage(all, pageBox, status);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
