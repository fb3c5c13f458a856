// The search index and its matching, with no page in sight: search.js
// draws results; this file loads /search/index.json (see internal/search
// for its format), reads a query and ranks the records.
//
// The build does the heavy work: it stems every record's words, lists the
// phrases that name each state and specialty (names, codes, demonyms,
// abbreviations, certification acronyms) and the sourced findings that a
// state does not license a specialty. Here a query is split and stemmed
// the same way, each word is matched exactly, as a prefix, or, failing
// both, as a typo (one edit from five letters, two from eight), and the
// records are ranked:
//
//  1. the license of the state and specialty the query names, or the page
//     whose title is the query (the state page for "ohio");
//  2. records matching more of the words before those matching fewer;
//  3. words in a title before other words, whole words before prefixes,
//     records of the named state or specialty before mere mentions.
//
// Everything is exported as window.licensureSearch for search.js and for
// the browser tests, which hold stem and candidates to internal/search.
(function () {
  "use strict";

  var INDEX_URL = "/search/index.json";

  // fold lower-cases s and strips its accents, so that "Perú" matches "peru".
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // stem folds a plural into its singular, as search.Stem does.
  function stem(w) {
    var n = w.length;
    if (n >= 5 && w.slice(-3) === "ies") {
      return w.slice(0, -3) + "y";
    }
    if (n >= 4 && w.charAt(n - 1) === "s" && "aiousy".indexOf(w.charAt(n - 2)) < 0) {
      return w.slice(0, -1);
    }
    return w;
  }

  // edits is how many typos a word may hold, as search.Edits says.
  function edits(w) {
    return w.length >= 8 ? 2 : w.length >= 5 ? 1 : 0;
  }

  // distance is the optimal string alignment distance, or limit+1 once it
  // is past limit, as search.Distance computes it.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) {
      return limit + 1;
    }
    var back = [], prev = [], cur = [];
    for (var j = 0; j <= b.length; j++) {
      prev[j] = j;
    }
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          cur[j] = Math.min(cur[j], back[j - 2] + 1);
        }
        low = Math.min(low, cur[j]);
      }
      if (low > limit) {
        return limit + 1;
      }
      back = prev;
      prev = cur;
    }
    return Math.min(prev[b.length], limit + 1);
  }

  // candidates lists the words of vocab (sorted) that w may be a typo of,
  // nearest first, as search.Candidates does.
  function candidates(w, vocab, limit) {
    limit = limit === undefined ? edits(w) : limit;
    var found = [];
    if (!limit) {
      return found;
    }
    vocab.forEach(function (v) {
      var d = v === w ? limit + 1 : distance(w, v, limit);
      if (d <= limit) {
        found.push({ word: v, d: d, i: found.length });
      }
    });
    found.sort(function (a, b) {
      return a.d - b.d || a.i - b.i;
    });
    return found.map(function (c) {
      return c.word;
    });
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) {
        throw new Error(url + ": HTTP " + r.status);
      }
      return r.json();
    });
  }

  // terms splits an entry's terms; accents are folded away, as they are
  // from the query, so that "peru" finds "Perú".
  function terms(s) {
    var list = s ? String(s).split(" ") : [];
    return /[^\x00-\x7f]/.test(s) ? list.map(fold) : list;
  }

  // Index holds the entries loaded so far, with a posting list per term.
  function Index(head) {
    var ix = this;
    ix.kinds = head.kinds || [];
    ix.states = head.states || [];
    ix.specialties = head.specialties || [];
    ix.stop = {};
    (head.stop || []).forEach(function (w) {
      ix.stop[w] = true;
    });
    ix.names = {};
    ix.longest = 1;
    (head.names || []).forEach(function (n) {
      (ix.names[n[0]] = ix.names[n[0]] || []).push({ state: n[1], specialty: n[2], acronym: !!n[3] });
      ix.longest = Math.max(ix.longest, n[0].split(" ").length);
    });
    ix.absent = {};
    ix.addFindings(head);
    ix.entries = [];
    ix.postings = {};
    ix.byState = {};
    ix.bySpecialty = {};
    ix.vocab = null;
    ix.parts = head.parts || []; // files of whole kinds
    ix.loaded = {}; // file -> true once its entries are in
    ix.fetching = {}; // file -> promise
  }

  // addFindings reads what research found where a state does not license
  // a specialty, from index.json or a file of its own.
  Index.prototype.addFindings = function (f) {
    var ix = this;
    (f.absent || []).forEach(function (a) {
      var x = f.findings[a[2]];
      ix.absent[a[0] + "," + a[1]] = { note: x[0], source: x[1], url: x[2] };
    });
  };

  Index.prototype.add = function (rows) {
    var ix = this;
    rows.forEach(function (row) {
      var kind = ix.kinds[row[0]] || ["", "", "/"];
      var path = String(row[1]);
      var e = {
        id: ix.entries.length, k: row[0], kind: kind[0], label: kind[1],
        url: path.charAt(0) === "/" ? path : kind[2] + path,
        title: row[2], detail: row[3], terms: terms(row[4]),
        titleTerms: row[5], state: row[6], specialty: row[7]
      };
      ix.entries.push(e);
      e.terms.forEach(function (t) {
        (ix.postings[t] = ix.postings[t] || []).push(e.id);
      });
      if (e.state >= 0) {
        (ix.byState[e.state] = ix.byState[e.state] || []).push(e.id);
      }
      if (e.specialty >= 0) {
        (ix.bySpecialty[e.specialty] = ix.bySpecialty[e.specialty] || []).push(e.id);
      }
    });
    ix.vocab = null;
  };

  // sortedVocab is every term, sorted, for prefixes and typos.
  Index.prototype.sortedVocab = function () {
    if (!this.vocab) {
      this.vocab = Object.keys(this.postings).sort();
    }
    return this.vocab;
  };

  // prefixed lists the terms that start with w, at most max of them.
  Index.prototype.prefixed = function (w, max) {
    var v = this.sortedVocab(), lo = 0, hi = v.length, out = [];
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (v[mid] < w) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (var i = lo; i < v.length && out.length < max && v[i].lastIndexOf(w, 0) === 0; i++) {
      out.push(v[i]);
    }
    return out;
  };

  // files lists the files of a split index not yet loaded, in the order
  // to load them: the files of state s (if any), the parts of kinds
  // (findings first), then the other states' files.
  Index.prototype.files = function (s) {
    var ix = this, out = ix.states[s] ? ix.states[s][3].concat(ix.parts) : ix.parts.slice();
    ix.states.forEach(function (st) {
      st[3].forEach(function (url) {
        if (out.indexOf(url) < 0) {
          out.push(url);
        }
      });
    });
    return out.filter(function (url) {
      return !ix.loaded[url];
    });
  };

  // more loads one more file, the first of files(s), and resolves to true,
  // or to false when every file is in. A file is fetched once, however
  // many callers ask for it.
  Index.prototype.more = function (s) {
    var ix = this, url = ix.files(s)[0];
    if (!url) {
      return Promise.resolve(false);
    }
    if (!ix.fetching[url]) {
      ix.fetching[url] = getJSON(url).then(function (f) {
        if (!ix.loaded[url]) {
          ix.loaded[url] = true;
          ix.add(f.entries || []);
          ix.addFindings(f);
        }
      });
      ix.fetching[url].catch(function () {
        delete ix.fetching[url]; // try again on next use
      });
    }
    return ix.fetching[url].then(function () {
      return true;
    });
  };

  // loadAll loads every file, one after another.
  Index.prototype.loadAll = function () {
    var ix = this;
    return ix.more(-1).then(function (got) {
      return got ? ix.loadAll() : ix;
    });
  };

  // complete reports whether every file is loaded.
  Index.prototype.complete = function () {
    return this.files(-1).length === 0;
  };

  var loading = null;

  // load fetches index.json once and resolves to an Index of its entries;
  // the other files of a split index load as more and loadAll ask.
  function load() {
    if (!loading) {
      loading = getJSON(INDEX_URL).then(function (head) {
        var ix = new Index(head);
        ix.add(head.entries || []);
        return ix;
      });
      loading.catch(function () {
        loading = null; // try again on next use
      });
    }
    return loading;
  }

  window.licensureSearch = {
    fold: fold, stem: stem, edits: edits, distance: distance, candidates: candidates,
    Index: Index, load: load
  };
})();
