// The API reference page (/api/reference): starts Scalar's bundle, which the page loads next,
// on the OpenAPI document, under the site's Content-Security-Policy (docs/decisions/ADR-014).
//
// The policy lets styles come from the site's files only: no inline <style> element and no style
// attribute in markup. Scalar adds its styles as <style> elements and writes a few style
// attributes, so this file, which runs before the bundle, hands them to the browser through the
// CSS object model instead (constructed style sheets and element.style), which the policy does not
// govern, as it does not govern Chart.js on the other pages. Only scripts the policy lets run can
// reach these paths; markup that arrives in any other way is still refused.
(() => {
  'use strict';

  // Zod, inside the bundle, first tries whether it may compile validators with Function(), and an
  // eval the policy refuses is reported as a violation even though Zod then interprets them.
  // This is Zod's own setting for pages without 'unsafe-eval'.
  globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };

  const nativeCreateElement = Document.prototype.createElement;
  const nativeSetAttribute = Element.prototype.setAttribute;
  const innerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');

  // A <style> element is checked against the policy as soon as it is in the page, even empty; an
  // element of another namespace named "style" is not a style element, so the browser leaves it
  // alone. It holds its place in the page while its text lives in a constructed style sheet.
  const INERT_NAMESPACE = 'urn:x-unv:style';
  const elements = [];
  const sheets = new WeakMap();

  function styleElement() {
    const element = document.createElementNS(INERT_NAMESPACE, 'style');
    const sheet = new CSSStyleSheet();
    let text = '';
    const setText = (value) => {
      text = value == null ? '' : String(value);
      sheet.replaceSync(text);
    };
    Object.defineProperties(element, {
      textContent: { get: () => text, set: setText },
      innerHTML: { get: () => text, set: setText },
      sheet: { get: () => sheet },
      appendChild: {
        value: (node) => {
          if (node.nodeType !== Node.TEXT_NODE) {
            throw new TypeError('A style element holds text only.');
          }
          setText(text + node.data);
          return node;
        },
      },
    });
    elements.push(element);
    sheets.set(element, sheet);
    return element;
  }

  // The sheets of the style elements in the page, in the page's order, as the cascade would have them.
  function adoptSheets() {
    const ours = new Set(elements.map((element) => sheets.get(element)));
    const inPage = elements
      .filter((element) => element.isConnected)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      .map((element) => sheets.get(element));
    const next = [...document.adoptedStyleSheets.filter((sheet) => !ours.has(sheet)), ...inPage];
    const current = document.adoptedStyleSheets;
    if (next.length !== current.length || next.some((sheet, i) => sheet !== current[i])) {
      document.adoptedStyleSheets = next;
    }
  }

  Document.prototype.createElement = function createElement(name, options) {
    return this === document && String(name).toLowerCase() === 'style'
      ? styleElement()
      : nativeCreateElement.call(this, name, options);
  };

  Element.prototype.setAttribute = function setAttribute(name, value) {
    if (String(name).toLowerCase() === 'style' && this.style) {
      this.style.cssText = String(value);
      return;
    }
    nativeSetAttribute.call(this, name, value);
  };

  // Highlighted code arrives as markup whose <code> carries style="--line-count: ...": the
  // attribute is renamed before the markup is parsed and its declarations set through element.style.
  const STYLE_ATTRIBUTE = /(<[a-z][^<>]*?\s)style=/gi;
  const RENAMED = 'data-api-reference-style';
  Object.defineProperty(Element.prototype, 'innerHTML', {
    ...innerHtml,
    set(markup) {
      const html = markup == null ? '' : String(markup);
      STYLE_ATTRIBUTE.lastIndex = 0;
      if (!STYLE_ATTRIBUTE.test(html)) {
        innerHtml.set.call(this, markup);
        return;
      }
      innerHtml.set.call(this, html.replace(STYLE_ATTRIBUTE, `$1${RENAMED}=`));
      for (const element of this.querySelectorAll(`[${RENAMED}]`)) {
        element.style.cssText = element.getAttribute(RENAMED);
        element.removeAttribute(RENAMED);
      }
    },
  });

  new MutationObserver(adoptSheets).observe(document, { childList: true, subtree: true });

  document.addEventListener('DOMContentLoaded', () => {
    // Not id="api-reference": the bundle mounts such an element by itself, reading its content as the document.
    const container = document.getElementById('reference');
    window.Scalar.createApiReference(container, {
      url: container.dataset.openapi,
      theme: 'default',
      forceDarkModeState: 'light',
      hideDarkModeToggle: true,
      authentication: { preferredSecurityScheme: 'Bearer' },
      // A staff token pasted into Test Request is not written to the browser's storage.
      persistAuth: false,
      // Nothing leaves the site: no web fonts, telemetry, AI agent, MCP or hosted client from
      // Scalar's servers, which the policy would refuse anyway.
      withDefaultFonts: false,
      telemetry: false,
      showDeveloperTools: 'never',
      hideClientButton: true,
      agent: { disabled: true },
      mcp: { disabled: true },
    });
  });
})();
