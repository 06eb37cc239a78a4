// A small element builder. Properties are set directly (never a style attribute:
// the page's CSP forbids inline styles); "class", "for" and aria-/data- names
// become attributes.
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "for") node.htmlFor = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name.includes("-") || !(name in node)) node.setAttribute(name, value === true ? "" : value);
    else node[name] = value;
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** The heading every view starts with; the router moves focus to it. */
export function heading(text) {
  return el("h1", { tabIndex: -1, class: "view-heading" }, text);
}

/** A small drawing from /icons/. It always sits beside words that say the same, so it is decorative.
 * Its address is the fingerprinted one the page's import map names, kept offline. */
export function icon(name, className = "icon") {
  const src = import.meta.resolve("/icons/" + name + ".svg");
  return el("img", { src, alt: "", class: className, width: 24, height: 24 });
}
