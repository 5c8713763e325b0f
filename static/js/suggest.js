/* Type-ahead for search boxes with a data-suggest URL: people, countries and topics as you type.
   An ARIA 1.2 combobox: arrow keys move, Enter opens the entity, Escape closes. No library. */
(function () {
  "use strict";
  var KIND = { person: "Person", country: "Country", topic: "Topic" };

  function setup(input) {
    var list = document.createElement("ul");
    var id = input.id + "-suggestions";
    var timer = null, active = -1, items = [], lastText = "";
    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.parentNode.classList.add("has-suggestions");
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      active = index;
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function render(results) {
      list.textContent = "";
      items = results.map(function (r, i) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        var kind = document.createElement("span");
        var count = document.createElement("span");
        li.id = id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        link.href = r.url;
        link.tabIndex = -1;
        link.textContent = r.name;
        kind.className = "kind";
        kind.textContent = KIND[r.kind] || r.kind;
        count.className = "count";
        count.textContent = r.count;
        link.appendChild(kind);
        link.appendChild(count);
        li.appendChild(link);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location.href = r.url; });
        list.appendChild(li);
        return li;
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      active = -1;
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text === lastText) return;
      lastText = text;
      if (text.length < 2) { render([]); return; }
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === text) render(data.results || []); })
        .catch(function () { render([]); });
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(fetchSuggestions, 150); });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
      else if (e.key === "Escape") { close(); }
      else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        window.location.href = items[active].querySelector("a").href;
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.querySelectorAll("input[data-suggest]").forEach(setup);
})();
