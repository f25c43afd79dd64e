// Building the page without ever parsing a string from the API as HTML: h() sets text with
// textContent (through text nodes) and attributes with setAttribute. The one exception is
// richText(), for the rich text the API returns already sanitised by Wagtail.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "href" || name === "src") {
      element.setAttribute(name, safeUrl(value));
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === "") continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Only http(s) addresses and addresses on this page (#/...) are used: a "javascript:" URL in
// the data would otherwise run when clicked.
export function safeUrl(value) {
  const text = String(value);
  if (text.startsWith("#")) return text;
  try {
    const url = new URL(text, window.location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "#";
  } catch {
    return "#";
  }
}

// Rich text from a RichTextBlock: Wagtail writes it from the editor's allowed features and
// the API returns it as HTML (the one value that is HTML by contract).
// Its relative addresses (links to other pages, embedded pictures) point at the site of the API.
export function richText(html, base) {
  const element = document.createElement("div");
  element.className = "rich-text";
  element.innerHTML = html;
  for (const [selector, name] of [["a[href]", "href"], ["img[src]", "src"]]) {
    for (const node of element.querySelectorAll(selector)) {
      node.setAttribute(name, safeUrl(new URL(node.getAttribute(name), `${base}/`).href));
    }
  }
  for (const node of element.querySelectorAll("script, iframe, object, embed")) node.remove();
  return element;
}

export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

// "2026-11-30" -> "30/11/2026", as the HTML site writes dates in both languages.
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
  return match ? `${match[3]}/${match[2]}/${match[1]}` : "";
}
