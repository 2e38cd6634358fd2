// Draws every <canvas data-chart-source="id"> from the JSON in <script type="application/json" id="id">.
// The server decides every figure and colour; this file only draws them. Each chart has a table
// with the same figures on its page, for readers who cannot see the chart.
(() => {
  if (typeof window.Chart === "undefined") {
    return;
  }

  // Rating colours from the site palette (css/site.css), chosen to stay apart for the common
  // colour-vision deficiencies; the pages also print the rating's word and shape.
  const style = getComputedStyle(document.documentElement);
  const ratingColour = (rating) => style.getPropertyValue(`--rating-${rating}`).trim() || "#6c757d";
  const milestoneColour = style.getPropertyValue("--unv-blue").trim() || "#00558c";

  // The statistics charts: one series of figures, drawn in the UN blue and its companions.
  const palette = [milestoneColour, "#f0ab00", "#6c757d", "#2b8a3e", "#c2255c", "#5f3dc4"];
  const percentTick = (data) => (value) => (data.percent ? `${value}%` : value.toLocaleString());
  const oneSeries = (type) => (data) => ({
    type,
    data: {
      labels: data.labels,
      datasets: [{
        label: data.title,
        data: data.values,
        backgroundColor: type === "doughnut" ? palette.slice(0, data.values.length) : milestoneColour,
        borderColor: type === "doughnut" ? "#fff" : milestoneColour,
        borderWidth: type === "doughnut" ? 2 : 0,
      }],
    },
    options: {
      maintainAspectRatio: false,
      indexAxis: type === "bar" && data.labels.length > 6 ? "y" : "x",
      plugins: { legend: { display: type === "doughnut", position: "bottom" } },
      scales: type === "doughnut" ? {} : {
        x: data.labels.length > 6 ? { ticks: { callback: percentTick(data) } } : {},
        y: data.labels.length > 6 ? {} : { beginAtZero: true, ticks: { callback: percentTick(data) } },
      },
    },
  });

  const builders = {
    bar: oneSeries("bar"),
    doughnut: oneSeries("doughnut"),
    "rating-summary": (data) => ({
      type: "doughnut",
      data: {
        labels: data.labels,
        datasets: [{
          data: data.counts,
          backgroundColor: data.ratings.map(ratingColour),
          borderColor: "#fff",
          borderWidth: 2,
        }],
      },
      options: {
        plugins: { legend: { position: "bottom" }, title: { display: true, text: data.title } },
      },
    }),
    "indicator-history": (data) => ({
      data: {
        labels: data.labels,
        datasets: [
          {
            type: "bar",
            label: data.resultLabel,
            data: data.results,
            backgroundColor: data.ratings.map(ratingColour),
            order: 2,
          },
          {
            type: "line",
            label: data.milestoneLabel,
            data: data.milestones,
            borderColor: milestoneColour,
            backgroundColor: milestoneColour,
            borderDash: [6, 4],
            pointStyle: "rectRot",
            pointRadius: 6,
            order: 1,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        plugins: { title: { display: true, text: data.title } },
        scales: { y: { beginAtZero: true } },
      },
    }),
  };

  for (const canvas of document.querySelectorAll("canvas[data-chart-source]")) {
    const source = document.getElementById(canvas.dataset.chartSource);
    if (!source) {
      continue;
    }
    const data = JSON.parse(source.textContent);
    const build = builders[data.type];
    if (build) {
      const chart = new window.Chart(canvas, build(data));
      canvas.dataset.chartDrawn = "true";
      canvas.chart = chart;
    }
  }

  // "Download PNG": the chart on a white background with its title above and its source below,
  // so the image still says what it shows and where the figures come from once it is pasted
  // into a slide or a report.
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action='download-png']");
    const canvas = button && document.getElementById(button.dataset.chart);
    const source = canvas && document.getElementById(canvas.dataset.chartSource);
    if (!source) {
      return;
    }
    const data = JSON.parse(source.textContent);
    const scale = canvas.width / (canvas.clientWidth || canvas.width);
    const pad = 16 * scale;
    const titleSize = 18 * scale;
    const sourceSize = 13 * scale;
    const image = document.createElement("canvas");
    image.width = canvas.width + 2 * pad;
    image.height = canvas.height + titleSize + sourceSize + 4 * pad;
    const context = image.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, image.width, image.height);
    context.fillStyle = "#212529";
    context.textBaseline = "top";
    context.font = `bold ${titleSize}px system-ui, sans-serif`;
    context.fillText(data.title, pad, pad, image.width - 2 * pad);
    context.drawImage(canvas, pad, titleSize + 2 * pad);
    context.font = `${sourceSize}px system-ui, sans-serif`;
    context.fillText(data.source, pad, titleSize + canvas.height + 3 * pad, image.width - 2 * pad);
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
