// The few DOM helpers every page uses: build elements declaratively, show errors where they happened.

/**
 * `h("button", {class: "primary", onclick}, "Create")`: an element with attributes (functions become listeners,
 * `dataset`-style `data-*` names stay attributes) and children (strings, nodes, arrays, or null to skip).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value);
    else if (name === "value") {
      // Both the current and the default value, so that a form's reset() brings it back.
      element.value = value;
      element.defaultValue = value;
    }
    else element.setAttribute(name, value === true ? "" : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** An SVG element with attributes and children (the charts and the fragment timeline draw with it). */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** Replaces everything inside `element`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** A message box for an error or a result, replaced by the next one. */
export function notice(kind, text) {
  return h("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

/** A definition list of `[label, value]` pairs. */
export function facts(pairs) {
  return h("dl", { class: "facts" }, pairs.map(([label, value]) => [h("dt", {}, label), h("dd", {}, value ?? "—")]));
}

/** A table with a header row and one row per item (cells are strings or nodes). */
export function table(headers, rows, attributes = {}) {
  return h("table", attributes,
    h("thead", {}, h("tr", {}, headers.map((header) => h("th", {}, header)))),
    h("tbody", {}, rows.length
      ? rows.map((cells) => h("tr", {}, cells.map((cell) => h("td", {}, cell))))
      : h("tr", {}, h("td", { colspan: headers.length, class: "empty" }, "None yet"))));
}

/** Runs `action`, showing its error (or `success` text) in `place`; returns the action's result or undefined. */
export async function attempt(place, action, success) {
  try {
    const result = await action();
    if (success) replace(place, notice("ok", typeof success === "function" ? success(result) : success));
    else replace(place);
    return result;
  } catch (error) {
    replace(place, notice("error", error.message));
    return undefined;
  }
}

/**
 * A Delete button that asks once more before it acts: the first click turns it into "Confirm delete", the second
 * runs `remove` (an API call), shows its error or `done` in `place`, then `afterwards`. `name` is its data-stream.
 */
export function deleteButton(name, place, remove, afterwards) {
  const button = h("button", { class: "danger small", "data-stream": name, onclick: async () => {
    if (button.dataset.armed !== "yes") {
      button.dataset.armed = "yes";
      button.textContent = "Confirm delete";
      return;
    }
    await attempt(place, remove, `Deleting ${name}.`);
    afterwards();
  } }, "Delete");
  return button;
}

/** `1.2 KiB`-style sizes. */
export function bytes(count) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${unit ? value.toFixed(1) : value} ${units[unit]}`;
}

/** A local date and time for epoch seconds (AWS's JSON timestamps). */
export function when(seconds) {
  return seconds === undefined || seconds === null ? "—" : new Date(seconds * 1000).toLocaleString();
}
