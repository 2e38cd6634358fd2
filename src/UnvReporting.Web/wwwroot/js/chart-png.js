// "Download PNG" for every chart drawn by charts.js: the chart on a white background with its
// title above (on as many lines as it needs) and its source below, so the image still says what
// it shows and where the figures come from once it is pasted into a slide or a report.
(() => {
  // Breaks text into lines that fit the width: at spaces, and between any two Chinese characters.
  const wrap = (context, text, width) => {
    const lines = [];
    let line = "";
    for (const token of text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? []) {
      if (line && context.measureText(line + token.trimEnd()).width > width) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else {
        line += token;
      }
    }
    return line.trim() ? [...lines, line.trimEnd()] : lines;
  };

  // Only a chart charts.js has drawn is offered; without Chart.js the button is hidden (js-only needs the chart too).
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action='download-png']");
    const canvas = button && document.getElementById(button.dataset.chart);
    const source = canvas && document.getElementById(canvas.dataset.chartSource);
    if (!source || canvas.dataset.chartDrawn !== "true") {
      return;
    }
    const data = JSON.parse(source.textContent);
    const scale = canvas.width / (canvas.clientWidth || canvas.width);
    const pad = 16 * scale;
    const titleSize = 18 * scale;
    const sourceSize = 13 * scale;
    const image = document.createElement("canvas");
    image.width = canvas.width + 2 * pad;
    const context = image.getContext("2d");
    const titleFont = `bold ${titleSize}px system-ui, sans-serif`;
    const sourceFont = `${sourceSize}px system-ui, sans-serif`;
    context.font = titleFont;
    const titleLines = wrap(context, data.title, image.width - 2 * pad);
    context.font = sourceFont;
    const sourceLines = data.source ? wrap(context, data.source, image.width - 2 * pad) : [];
    const titleHeight = titleLines.length * titleSize * 1.25;
    const sourceHeight = sourceLines.length * sourceSize * 1.25;
    image.height = canvas.height + titleHeight + sourceHeight + 4 * pad;
    context.fillStyle = "#fff";
    context.fillRect(0, 0, image.width, image.height);
    context.fillStyle = "#212529";
    context.textBaseline = "top";
    context.font = titleFont;
    titleLines.forEach((line, i) => context.fillText(line, pad, pad + i * titleSize * 1.25, image.width - 2 * pad));
    context.drawImage(canvas, pad, titleHeight + 2 * pad);
    context.font = sourceFont;
    sourceLines.forEach((line, i) => context.fillText(line, pad, titleHeight + canvas.height + 3 * pad + i * sourceSize * 1.25, image.width - 2 * pad));
    image.toBlob((blob) => {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = button.dataset.filename || "chart.png";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    }, "image/png");
  });
})();
