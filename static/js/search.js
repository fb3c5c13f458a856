// Search as you type, with no server and no third party; the matching and
// ranking are in search-index.js and search-rank.js.
//
// The header box (#site-search) becomes an ARIA combobox: below it a panel
// shows what the query was read as (corrected words, words that matched
// nothing, what research found for a state and specialty) and a listbox of
// suggestions; the up and down arrow keys move through them, Enter opens
// the chosen one (or, with none chosen, submits the form to /search/?q=...),
// and Escape closes the panel. A query that matches nothing says so in the
// panel and offers nearby words and the lists of states and specialties.
// On /search/, the full list of records the page renders for readers
// without JavaScript is filtered and ranked, each kind with its count.
//
// Everything is built with DOM methods and textContent, so no record text
// is ever parsed as HTML.
(function () {
  "use strict";

  var S = window.licensureSearch;
  var MAX_SUGGESTIONS = 8;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  function link(href, text) {
    var a = el("a", "", text);
    a.href = href;
    return a;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function quoted(s) {
    return "“" + s + "”";
  }

  // notes fills box with what the reader should know about the query,
  // and returns the same as one line of text for a live region.
  function notes(box, q, results) {
    box.textContent = "";
    var said = [];
    function line(className, parts) {
      var p = el("p", className);
      parts.forEach(function (x) {
        p.appendChild(typeof x === "string" ? document.createTextNode(x) : x);
      });
      box.appendChild(p);
      said.push(p.textContent);
    }
    if (!results.length) {
      line("search-none", ["No results for " + quoted(q.text.trim()) + "."]);
    } else if (q.corrected) {
      line("search-corrected", ["Showing results for ", el("strong", "", S.corrected(q)), "."]);
    }
    if (results.length && q.unmatched.length) {
      line("search-unmatched", ["No record matches " + q.unmatched.map(quoted).join(", ") + "; these results match the other words."]);
    }
    var a = q.answer;
    if (a && !a.licensed && (a.finding || a.complete)) {
      var parts = a.finding
        ? [a.state.name + " does not license " + a.specialty.name.toLowerCase() + ". " + (a.finding.note ? a.finding.note + " " : ""), "Source: ", link(a.finding.url, a.finding.source), ". "]
        : ["Whether " + a.state.name + " licenses " + a.specialty.name.toLowerCase() + " is not yet researched. "];
      line("search-answer", parts.concat(["See ", link(a.state.url, a.state.name), " and ", link(a.specialty.url, a.specialty.name), "."]));
    }
    return said.join(" ");
  }

  // answerTitle is the headline of q's answer when the state does not
  // license the specialty, or "".
  function answerTitle(q) {
    var a = q.answer;
    if (!a || a.licensed || !(a.finding || a.complete)) {
      return "";
    }
    return a.finding ? a.state.name + " does not license " + a.specialty.name.toLowerCase()
      : a.state.name + ": " + a.specialty.name.toLowerCase() + " not yet researched";
  }

  // combobox turns the header search box into a combobox with a panel of
  // notes and a listbox of suggestions.
  function combobox(input) {
    var form = input.form;
    var panel = el("div", "search-popup");
    panel.id = input.id + "-popup";
    panel.hidden = true;
    var note = el("div", "search-popup-note");
    var list = el("ul", "search-suggestions");
    list.id = input.id + "-listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search suggestions");
    var status = el("p", "visually-hidden");
    status.setAttribute("role", "status");
    // A link to the search page closes the panel: with the arrow keys, the
    // suggestions scroll into view; with a pointer, so does the panel.
    var more = el("p", "search-popup-more");
    panel.appendChild(note);
    panel.appendChild(list);
    panel.appendChild(more);
    form.appendChild(panel);
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
      panel.hidden = !options.length && !note.firstChild;
      list.hidden = !options.length;
      input.setAttribute("aria-expanded", String(!panel.hidden && options.length > 0));
    }

    function close() {
      setActive(-1);
      panel.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    // addOption adds a suggestion that opens url, or that puts fill in the
    // box and searches it.
    function addOption(title, detail, url, fill) {
      var li = el("li", "search-option");
      li.id = list.id + "-" + options.length;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.setAttribute("data-href", url || "");
      li.appendChild(el("span", "search-option-title", title));
      if (detail) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", "detail", detail));
      }
      options.push({ el: li, url: url, fill: fill });
      list.appendChild(li);
    }

    function show(ix, found, text) {
      close();
      list.textContent = "";
      options = [];
      var q = found.query, results = found.results;
      var said = notes(note, q, results);
      var headline = answerTitle(q);
      if (headline) {
        addOption(headline, q.answer.finding ? q.answer.finding.note : "Help research it", q.answer.state.url + "#gaps");
      }
      results.slice(0, MAX_SUGGESTIONS).forEach(function (e) {
        addOption(e.title, e.label + (e.detail ? " · " + e.detail : ""), e.url);
      });
      var all = "/search/?q=" + encodeURIComponent(text.trim());
      if (results.length > MAX_SUGGESTIONS) {
        addOption("See all " + results.length + " results", "", all);
      }
      more.textContent = "";
      if (results.length) {
        var a = el("a", "", results.length > MAX_SUGGESTIONS ? "All " + results.length + " results on the search page" : "Open the search page");
        a.href = all;
        more.appendChild(a);
      }
      if (!results.length) {
        S.suggest(ix, q).forEach(function (w) {
          addOption("Search for " + quoted(w), "Did you mean this?", "", w);
        });
        addOption("Browse every specialty", "", "/specialties/");
        addOption("Browse every state and territory", "", "/states/");
      }
      status.textContent = results.length
        ? said + " " + plural(results.length, "result", "results") + ". Use the up and down arrow keys to choose one."
        : said + " Use the up and down arrow keys for suggestions.";
      open();
    }

    function update() {
      var text = input.value;
      var mine = ++generation;
      if (!text.trim()) {
        close();
        status.textContent = "";
        return;
      }
      S.load().then(function (ix) {
        if (mine !== generation) {
          return;
        }
        var found = S.search(ix, text);
        show(ix, found, text);
        // A large index loads in files: the named state's licenses and
        // boards first, then the other kinds, then the other states'. One at a time,
        // so that the reader's typing never waits, and the list is
        // redrawn as each arrives (unless the reader is choosing in it).
        var next = function () {
          ix.more(found.query.state).then(function (got) {
            if (got && mine === generation) {
              if (active < 0) {
                found = S.search(ix, text);
                show(ix, found, text);
              }
              setTimeout(next, 0);
            }
          }, function () {});
        };
        next();
      }, function () {
        if (mine === generation) {
          close();
          status.textContent = "Suggestions are unavailable. Press Enter to search.";
        }
      });
    }

    function go(i) {
      var o = options[i];
      if (o && o.fill) {
        input.value = o.fill;
        update();
      } else if (o) {
        window.location.assign(o.url);
      }
    }

    input.addEventListener("input", update);
    input.addEventListener("focus", function () {
      S.load().catch(function () {});
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
          if (panel.hidden) {
            update();
          } else if (options.length) {
            setActive((active + 1) % options.length);
          }
          break;
        case "ArrowUp":
          if (!panel.hidden && options.length) {
            ev.preventDefault();
            setActive(active <= 0 ? options.length - 1 : active - 1);
          }
          break;
        case "Enter":
          if (!panel.hidden && active >= 0) {
            ev.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (!panel.hidden) {
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
    // Keep the focus in the box when the panel is pressed, so that blur
    // does not close it before the click lands; links still open.
    panel.addEventListener("mousedown", function (ev) {
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

  // filterPage filters and ranks the list of every record on /search/,
  // each kind under its heading with its count, the kind of the best
  // result first.
  function filterPage(container, input, status, note) {
    var groups = Array.prototype.map.call(container.querySelectorAll(".search-group"), function (section) {
      var ul = section.querySelector("ul");
      var items = Array.prototype.map.call(ul.children, function (li, i) {
        var a = li.querySelector("a");
        return { li: li, href: a ? a.getAttribute("href") : "", order: i };
      });
      return { section: section, ul: ul, count: section.querySelector(".count"), label: section.getAttribute("data-label") || "", items: items };
    });

    function apply(ix) {
      var text = input.value.trim();
      window.history.replaceState(null, "", text ? "?q=" + encodeURIComponent(text) : window.location.pathname);
      var found = text ? S.search(ix, text) : null;
      var rankOf = {};
      (found ? found.results : []).forEach(function (e, i) {
        rankOf[e.url] = i + 1;
      });
      var total = 0, parts = [];
      groups.forEach(function (g) {
        g.best = Infinity;
        var shown = g.items.filter(function (it) {
          it.rank = found ? rankOf[it.href] || 0 : it.order + 1;
          it.li.hidden = !it.rank;
          return it.rank;
        });
        shown.sort(function (a, b) {
          return a.rank - b.rank;
        });
        shown.forEach(function (it) {
          g.ul.appendChild(it.li);
          g.best = Math.min(g.best, it.rank);
        });
        g.section.hidden = !shown.length;
        g.count.textContent = String(shown.length);
        total += shown.length;
        if (shown.length) {
          parts.push(g.label + ": " + shown.length);
        }
      });
      // The kind holding the best result comes first.
      groups.slice().sort(function (a, b) {
        return a.best - b.best;
      }).forEach(function (g) {
        container.appendChild(g.section);
      });
      if (!found) {
        note.textContent = "";
        status.textContent = "";
        return;
      }
      var said = notes(note, found.query, found.results);
      status.textContent = total
        ? said + " " + plural(total, "record matches", "records match") + " " + quoted(text) + ". " + parts.join(", ") + "."
        : said + " Try fewer words, a certification such as RRT, or a state code such as TX.";
    }

    S.load().then(function (ix) {
      return ix.loadAll();
    }).then(function (ix) {
      var timer = 0;
      apply(ix);
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { apply(ix); }, 60);
      });
      input.form.addEventListener("submit", function (ev) {
        ev.preventDefault(); // the list filters as you type; no reload needed
        apply(ix);
      });
    }, function () {
      status.textContent = "Search could not load. Every record is listed below.";
    });
  }

  function init() {
    if (!window.fetch || !S || !S.search) {
      return;
    }
    var box = document.getElementById("site-search");
    if (box && box.form) {
      combobox(box);
    }
    var all = document.getElementById("search-all");
    var pageBox = document.getElementById("search-page-q");
    var status = document.getElementById("search-status");
    var note = document.getElementById("search-note");
    if (all && pageBox && status && note) {
      pageBox.value = new URLSearchParams(window.location.search).get("q") || "";
      filterPage(all, pageBox, status, note);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
