// Draws every <canvas data-chart-source="id"> from the JSON in <script type="application/json" id="id">.
// The server decides every figure, colour and wording; this file only draws them. Each chart has
// a table with the same figures on its page, for readers who cannot see the chart.
(() => {
  if (typeof window.Chart === "undefined") {
    return;
  }

  // Rating colours from the site palette (css/site.css), chosen to stay apart for the common
  // colour-vision deficiencies; the pages also print the rating's word and shape.
  const style = getComputedStyle(document.documentElement);
  const ratingColour = (rating) => style.getPropertyValue(`--rating-${rating}`).trim() || "#6c757d";
  const milestoneColour = style.getPropertyValue("--unv-blue").trim() || "#00558c";
  const ratingOrder = ["green", "yellow", "red", "grey"];

  // The statistics charts: one series of figures, drawn in the UN blue and its companions.
  const palette = [milestoneColour, "#f0ab00", "#6c757d", "#2b8a3e", "#c2255c", "#5f3dc4"];
  const percentTick = (data) => (value) => (data.percent ? `${value}%` : value.toLocaleString());

  // The tooltip reads the figure as the page's table words it ("about 1,800", "53%"), not Chart.js's raw number.
  const wordedTooltip = (data) => ({
    callbacks: { label: (item) => (data.texts ? data.texts[item.dataIndex] : item.formattedValue) },
  });

  // A long horizontal bar chart needs room for every label: the box grows with the rows.
  const fitHeight = (canvas, rows) => {
    const box = canvas.parentElement;
    const needed = rows * 26 + 60;
    if (box && needed > box.clientHeight) {
      box.style.height = `${needed}px`;
    }
  };

  // On a phone a long label would push the bars off the canvas: it is shortened on the axis and
  // given whole in the tooltip and the table.
  const shortLabel = (canvas) => function (value) {
    const label = this.getLabelForValue(value);
    // Half the canvas for the labels, at about 7 px a Latin letter and twice that a Chinese character.
    const room = Math.max(12, Math.floor(canvas.clientWidth / 2 / 7));
    const units = [...label].map((c) => (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1));
    if (units.reduce((a, b) => a + b, 0) <= room) {
      return label;
    }
    let used = 1;
    let end = 0;
    while (used + units[end] <= room) {
      used += units[end];
      end++;
    }
    return `${[...label].slice(0, end).join("")}…`;
  };

  const oneSeries = (type) => (data, canvas) => {
    const horizontal = type === "bar" && data.labels.length > 6;
    if (horizontal) {
      fitHeight(canvas, data.labels.length);
    }
    return {
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
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { display: type === "doughnut", position: "bottom" }, tooltip: wordedTooltip(data) },
        scales: type === "doughnut" ? {} : {
          x: horizontal ? { grace: "5%", ticks: { callback: percentTick(data) } } : {},
          y: horizontal ? { ticks: { callback: shortLabel(canvas) } } : { beginAtZero: true, grace: "5%", ticks: { callback: percentTick(data) } },
        },
      },
    };
  };

  // Writes each point's figure as the report words it ("more than 600") above the point. Where
  // two labels would overlap, the worded ones (with a qualifier) win and the other is left to the
  // tooltip and the table.
  const pointLabels = (texts, qualified) => ({
    id: "pointLabels",
    afterDatasetsDraw(chart) {
      const context = chart.ctx;
      const points = chart.getDatasetMeta(0).data;
      context.save();
      context.font = `12px ${window.Chart.defaults.font.family}`;
      context.fillStyle = "#212529";
      context.textAlign = "center";
      context.textBaseline = "bottom";
      const drawn = [];
      const order = points.map((_, i) => i).sort((a, b) => Number(qualified[b]) - Number(qualified[a]));
      for (const i of order) {
        const width = context.measureText(texts[i]).width;
        const x = Math.min(Math.max(points[i].x, width / 2 + 2), chart.width - width / 2 - 2);
        const box = { left: x - width / 2 - 3, right: x + width / 2 + 3, top: points[i].y - 24, bottom: points[i].y - 8 };
        if (drawn.some((d) => d.left < box.right && box.left < d.right && d.top < box.bottom && box.top < d.bottom)) {
          continue;
        }
        drawn.push(box);
        context.fillText(texts[i], x, box.bottom);
      }
      context.restore();
    },
  });

  // The milestone's legend entry drawn as it is drawn on the chart: a dashed line through a diamond.
  const milestoneSymbol = () => {
    const symbol = document.createElement("canvas");
    symbol.width = 30;
    symbol.height = 14;
    const context = symbol.getContext("2d");
    context.strokeStyle = milestoneColour;
    context.fillStyle = milestoneColour;
    context.lineWidth = 2;
    context.setLineDash([5, 3]);
    context.beginPath();
    context.moveTo(0, 7);
    context.lineTo(30, 7);
    context.stroke();
    context.beginPath();
    context.moveTo(15, 1);
    context.lineTo(21, 7);
    context.lineTo(15, 13);
    context.lineTo(9, 7);
    context.closePath();
    context.fill();
    return symbol;
  };

  const builders = {
    bar: oneSeries("bar"),
    doughnut: oneSeries("doughnut"),
    // A statistic across the years on a proportional axis: 1980, 1995, 2019 and 2021 sit at
    // their real distances, and a dashed line marks a stretch of years the reports do not give.
    trend: (data) => {
      const points = data.labels.map((label, i) => ({ x: Number(label), y: data.values[i] }));
      return {
        type: "line",
        data: {
          datasets: [{
            label: data.title,
            data: points,
            borderColor: milestoneColour,
            backgroundColor: milestoneColour,
            pointRadius: 5,
            pointHoverRadius: 7,
            // The first and last years sit on the axis ends; their markers may reach past them.
            clip: 10,
            segment: { borderDash: (part) => (part.p1.parsed.x - part.p0.parsed.x > 1 ? [6, 4] : undefined) },
          }],
        },
        options: {
          maintainAspectRatio: false,
          layout: { padding: { left: 8, right: 24 } },
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { title: (items) => String(items[0].parsed.x), label: (item) => data.texts[item.dataIndex] } },
          },
          scales: {
            x: {
              type: "linear",
              min: points.length ? points[0].x : undefined,
              max: points.length ? points[points.length - 1].x : undefined,
              grace: 0,
              ticks: { precision: 0, callback: (value) => (Number.isInteger(value) ? String(value) : "") },
            },
            y: { beginAtZero: true, grace: "15%", ticks: { callback: percentTick(data) } },
          },
        },
        plugins: [pointLabels(data.texts, data.qualified)],
      };
    },
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
        // The page gives the title beside the chart, and the PNG above it.
        plugins: { legend: { position: "bottom" } },
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
        plugins: {
          legend: {
            labels: {
              usePointStyle: true,
              pointStyleWidth: 30,
              // One entry per colour the bars are drawn in ("Result: red"), then the milestone as
              // its marker; Chart.js's own entry would show the first bar's colour for all of them.
              generateLabels: (chart) => {
                const shown = new Set(data.ratings.filter((_, i) => data.results[i] !== null));
                const results = ratingOrder.filter((rating) => shown.has(rating)).map((rating) => ({
                  text: data.resultLegends[data.ratings.indexOf(rating)],
                  fillStyle: ratingColour(rating),
                  strokeStyle: ratingColour(rating),
                  lineWidth: 0,
                  pointStyle: "rect",
                  datasetIndex: 0,
                  hidden: !chart.isDatasetVisible(0),
                }));
                return [...results, {
                  text: data.milestoneLabel,
                  fillStyle: milestoneColour,
                  strokeStyle: milestoneColour,
                  lineWidth: 0,
                  pointStyle: milestoneSymbol(),
                  datasetIndex: 1,
                  hidden: !chart.isDatasetVisible(1),
                }];
              },
            },
          },
        },
        // Room above the highest bar or milestone, so the milestone's marker is never cut.
        scales: { y: { beginAtZero: true, grace: "12%" } },
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
      const chart = new window.Chart(canvas, build(data, canvas));
      canvas.dataset.chartDrawn = "true";
      canvas.chart = chart;
    }
  }
})();
