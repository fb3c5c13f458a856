// Reading a query and ranking the records for it; search-index.js holds
// the index and the rules for words (see its comment for the ranking).
(function () {
  "use strict";

  var S = window.licensureSearch;
  var MAX_PREFIXES = 60; // terms a short prefix may stand for

  // parse splits a query into words and finds, for each, the terms it
  // matches: the same term ("exact"), terms it begins ("prefix") or the
  // nearest term when it is a typo ("typo"). Stopwords are dropped, except
  // a state code typed in capitals ("IN"). It then finds the phrases that
  // name a state or a specialty.
  function parse(ix, text) {
    var q = { text: String(text), words: [], state: -1, specialty: -1, acronym: false, corrected: false };
    var raw = q.text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    raw.forEach(function (r) {
      var typed = r.toLowerCase();
      var code = r.length === 2 && r === r.toUpperCase() ? stateOfCode(ix, r) : -1;
      if (ix.stop[typed] && code < 0) {
        return;
      }
      var w = { typed: typed, term: S.stem(typed), terms: [], how: "", code: code };
      if (ix.postings[w.term]) {
        w.terms = [w.term];
        w.how = "exact";
      } else if ((w.terms = ix.prefixed(typed, MAX_PREFIXES)).length) {
        w.how = "prefix";
      } else {
        var near = S.candidates(w.term, ix.sortedVocab());
        if (near.length) {
          w.term = near[0];
          w.terms = [near[0]];
          w.how = "typo";
          q.corrected = true;
        }
      }
      q.words.push(w);
    });
    findNames(ix, q);
    return q;
  }

  function stateOfCode(ix, code) {
    for (var i = 0; i < ix.states.length; i++) {
      if (ix.states[i][0] === code) {
        return i;
      }
    }
    return -1;
  }

  // findNames marks the longest phrases of the query that name a state or
  // a specialty. A word being typed names one when every term it begins
  // that is a name names the same.
  function findNames(ix, q) {
    var ws = q.words;
    for (var i = 0; i < ws.length; i++) {
      var n = Math.min(ix.longest, ws.length - i);
      for (; n >= 1; n--) {
        var targets = namesOf(ix, ws.slice(i, i + n));
        if (targets) {
          for (var k = i; k < i + n; k++) {
            ws[k].names = targets;
          }
          if (targets.state >= 0 && q.state < 0) {
            q.state = targets.state;
          }
          if (targets.specialty >= 0 && q.specialty < 0) {
            q.specialty = targets.specialty;
            q.acronym = targets.acronym;
          }
          i += n - 1;
          break;
        }
      }
    }
  }

  // namesOf returns {state, specialty, acronym} named by words, or null.
  function namesOf(ix, words) {
    if (words.length === 1 && words[0].code >= 0) {
      return { state: words[0].code, specialty: -1, acronym: false };
    }
    var list = ix.names[words.map(function (w) { return w.term; }).join(" ")];
    if (!list && words.length === 1 && words[0].how === "prefix") {
      list = [];
      words[0].terms.forEach(function (t) {
        list = list.concat(ix.names[t] || []);
      });
    }
    if (!list || !list.length) {
      return null;
    }
    var out = { state: list[0].state, specialty: list[0].specialty, acronym: !!list[0].acronym };
    for (var i = 1; i < list.length; i++) {
      if (list[i].state !== out.state || list[i].specialty !== out.specialty) {
        return words[0].how === "prefix" ? null : out; // a prefix must be unambiguous
      }
    }
    return out;
  }

  // Points a word earns for a record, best first.
  var TITLE = 10, TITLE_PREFIX = 6, NAMED = 8, OTHER = 4, OTHER_PREFIX = 2;

  // rank scores every record that matches a word of q and returns them
  // best first. It sets q.unmatched to the words no record matched, and
  // q.answer when q names a state and a specialty.
  function rank(ix, q) {
    var hits = {};
    q.unmatched = [];
    q.words.forEach(function (w) {
      var best = wordPoints(ix, w);
      var ids = Object.keys(best);
      if (!ids.length) {
        q.unmatched.push(w.typed);
      }
      ids.forEach(function (id) {
        var h = hits[id] || (hits[id] = { entry: ix.entries[id], matched: 0, score: 0, titled: 0, bonus: 0 });
        h.matched++;
        h.score += best[id];
        if (best[id] >= TITLE - 1) {
          h.titled++;
        }
      });
    });
    var out = Object.keys(hits).map(function (id) {
      return hits[id];
    });
    answer(ix, q, out);
    out.forEach(function (h) {
      h.bonus = Math.max(h.bonus, bonus(q, h));
    });
    out.sort(function (a, b) {
      return b.bonus - a.bonus || b.matched - a.matched || b.score - a.score ||
        a.entry.k - b.entry.k || a.entry.id - b.entry.id;
    });
    return out.map(function (h) {
      return h.entry;
    });
  }

  // wordPoints maps each record a word matches to the points it earns.
  function wordPoints(ix, w) {
    var best = {};
    function give(id, points) {
      if (!(best[id] >= points)) {
        best[id] = points;
      }
    }
    var typo = w.how === "typo" ? 1 : 0;
    w.terms.forEach(function (t) {
      var whole = w.how !== "prefix" || t === w.term;
      (ix.postings[t] || []).forEach(function (id) {
        var e = ix.entries[id];
        var inTitle = e.terms.indexOf(t) < e.titleTerms;
        give(id, (inTitle ? (whole ? TITLE : TITLE_PREFIX) : (whole ? OTHER : OTHER_PREFIX)) - typo);
      });
    });
    if (w.names && w.names.state >= 0) {
      (ix.byState[w.names.state] || []).forEach(function (id) { give(id, NAMED); });
    }
    if (w.names && w.names.specialty >= 0) {
      (ix.bySpecialty[w.names.specialty] || []).forEach(function (id) { give(id, NAMED - 1); });
    }
    return best;
  }

  // bonus lifts the record the query names outright: 2 for the page
  // whose title is the query, or the page of the state or specialty the
  // query names and nothing else; 1 for a title holding every word. Words
  // that matched no record are left out.
  function bonus(q, h) {
    var e = h.entry, n = q.words.length - q.unmatched.length;
    if (h.titled === n && e.titleTerms === n) {
      return 2;
    }
    var onlyNames = n > 0 && q.words.every(function (w) { return w.names || q.unmatched.indexOf(w.typed) >= 0; });
    if (onlyNames && q.specialty < 0 && e.kind === "states" && e.state === q.state) {
      return 2;
    }
    if (onlyNames && q.state < 0 && !q.acronym && e.kind === "specialties" && e.specialty === q.specialty) {
      return 2;
    }
    return h.titled === n ? 1 : 0;
  }

  // answer sets q.answer for a query naming a state and a specialty: the
  // licenses of both rank first (bonus 3), then the state and specialty
  // pages; when there is no license, those pages rank first and q.answer
  // says what research found.
  function answer(ix, q, hits) {
    q.answer = null;
    if (q.state < 0 || q.specialty < 0) {
      return;
    }
    var licensed = false;
    hits.forEach(function (h) {
      var e = h.entry;
      if (e.kind === "licenses" && e.state === q.state && e.specialty === q.specialty) {
        h.bonus = 3;
        licensed = true;
      }
    });
    var st = ix.states[q.state], sp = ix.specialties[q.specialty];
    q.answer = {
      licensed: licensed,
      state: { name: st[1], url: st[2] },
      specialty: { name: sp[0], url: sp[1] },
      finding: licensed ? null : ix.absent[q.state + "," + q.specialty] || null,
      complete: ix.complete()
    };
    hits.forEach(function (h) {
      var e = h.entry;
      if ((e.kind === "states" && e.state === q.state) || (e.kind === "specialties" && e.specialty === q.specialty)) {
        h.bonus = licensed ? 1 : 3;
      }
    });
  }

  // suggest offers words for a query that matched nothing: the terms
  // nearest each word, up to three edits away.
  function suggest(ix, q) {
    var out = [];
    q.words.forEach(function (w) {
      S.candidates(w.term, ix.sortedVocab(), Math.min(3, Math.max(1, w.term.length - 2))).slice(0, 3).forEach(function (c) {
        if (out.indexOf(c) < 0) {
          out.push(c);
        }
      });
    });
    return out.slice(0, 3);
  }

  // corrected is the query as it was read: each typo replaced by the word
  // it was taken for.
  function corrected(q) {
    return q.words.map(function (w) {
      return w.how === "typo" ? w.term : w.typed;
    }).join(" ");
  }

  S.parse = parse;
  S.rank = rank;
  S.suggest = suggest;
  S.corrected = corrected;
  S.search = function (ix, text) {
    var q = parse(ix, text);
    return { query: q, results: q.words.length ? rank(ix, q) : [] };
  };
})();
