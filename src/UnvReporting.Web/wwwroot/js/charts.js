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

  const builders = {
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
})();
