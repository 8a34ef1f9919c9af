// The page works without this script (the form asks the server for a
// new page); with it, the preview follows typing, the address bar keeps
// the choices, and the download link always names the edition shown.
"use strict";
(function () {
  const form = document.getElementById("edition");
  const pages = document.getElementById("pages");
  const problems = document.getElementById("problems");
  const file = document.getElementById("file");
  const download = document.getElementById("download");
  const note = document.getElementById("note");
  const count = document.getElementById("note-count");
  const role = document.getElementById("role");
  const lang = document.getElementById("lang");
  const layout = document.getElementById("layout");
  let timer = 0, asked = 0, shown = 0, controller = null;

  // Only the languages the role has, and for a bilingual format, its own.
  function offerLanguages() {
    const have = (role.selectedOptions[0]?.dataset.langs || "").split(" ");
    const only = (layout.selectedOptions[0]?.dataset.langs || "").split(" ").filter(Boolean);
    for (const o of lang.options) {
      o.disabled = !have.includes(o.value) || (only.length > 0 && !only.includes(o.value));
    }
    if (lang.selectedOptions[0]?.disabled) {
      const first = [...lang.options].find((o) => !o.disabled);
      if (first) lang.value = first.value;
    }
  }

  function query() {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v !== "") p.append(k, v);
    return p.toString();
  }

  function text(tag, cls, s) {
    const e = document.createElement(tag);
    e.className = cls;
    e.textContent = s;
    return e;
  }

  async function update() {
    const q = query();
    history.replaceState(null, "", "?" + q);
    download.href = "/download?" + q;
    const n = ++asked;
    if (controller) controller.abort();
    controller = new AbortController();
    pages.classList.add("stale");
    let data;
    try {
      const res = await fetch("/api/preview?" + q, { signal: controller.signal });
      if (res.status === 503) { setTimeout(schedule, 500); return; }
      data = await res.json();
    } catch (e) {
      if (e.name !== "AbortError") problems.replaceChildren(text("p", "error", "The server could not be reached."));
      return;
    }
    if (n < shown) return;
    shown = n;
    file.textContent = data.file || "";
    if (data.file) download.setAttribute("download", data.file);
    problems.replaceChildren(
      ...data.errors.map((p) => text("p", "error", placed(p))),
      ...data.warnings.map((w) => text("p", "warning", w)));
    if (data.errors.length === 0) {
      pages.replaceChildren(...data.pages.map((src, i) => {
        const img = document.createElement("img");
        img.src = src;
        img.alt = "Page " + (i + 1) + " of the brochure";
        return img;
      }));
    }
    pages.classList.remove("stale");
    pages.dataset.version = String(n);
    performance.mark("brochure:preview"); // for measuring how fast the preview follows typing
  }

  // placed writes a problem as the command line does: file:line:col: message.
  function placed(p) {
    if (!p.file) return p.message;
    return [p.file, p.line, p.col].filter(Boolean).join(":") + ": " + p.message;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  }

  function countNote() {
    count.textContent = note.value.length + " / " + note.maxLength + " characters";
  }

  form.addEventListener("input", (e) => {
    performance.mark("brochure:input");
    if (e.target === note) countNote();
    if (e.target === role || e.target === layout) offerLanguages();
    schedule();
  });
  form.addEventListener("submit", (e) => { e.preventDefault(); clearTimeout(timer); update(); });
  offerLanguages();
})();
