// Draws the trend chart of the quality leads' page. The numbers come from the canvas's data-* attributes
// (written by the server), so the page needs no inline script and keeps a strict Content-Security-Policy.
// Without JavaScript the same numbers are in the table under the chart.
(function () {
  'use strict';
  var canvas = document.getElementById('trend-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  function read(name) {
    return JSON.parse(canvas.getAttribute('data-' + name) || '[]');
  }
  var labels = read('labels');
  var styles = getComputedStyle(document.documentElement);
  function colour(name, fallback) {
    return (styles.getPropertyValue(name) || '').trim() || fallback;
  }
  var values = colour('--values', '#0f766e');
  var trust = colour('--trust', '#7c3aed');
  var sessions = colour('--sessions', '#cbd5e1');
  Chart.defaults.font.family = styles.fontFamily;
  Chart.defaults.color = colour('--ink-soft', '#475569');
  new Chart(canvas, {
    data: {
      labels: labels,
      datasets: [
        { type: 'line', label: 'Values index', data: read('values'), yAxisID: 'index', order: 1, borderColor: values,
          backgroundColor: values, tension: 0.25, spanGaps: true, pointRadius: 3, borderWidth: 2.5 },
        { type: 'line', label: 'TRUST index', data: read('trust'), yAxisID: 'index', order: 1, borderColor: trust,
          backgroundColor: trust, tension: 0.25, spanGaps: true, pointRadius: 3, borderWidth: 2.5 },
        { type: 'bar', label: 'Sessions', data: read('sessions'), yAxisID: 'count', backgroundColor: sessions, order: 2,
          borderRadius: 3, maxBarThickness: 36 }
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, boxHeight: 8 } },
        tooltip: {
          callbacks: {
            label: function (item) {
              if (item.raw === null && item.dataset.yAxisID === 'index') {
                return item.dataset.label + ': ' + canvas.getAttribute('data-k');
              }
              return item.dataset.label + ': ' + item.formattedValue;
            }
          }
        }
      },
      scales: {
        index: { position: 'left', min: 0, max: 100, title: { display: true, text: 'Index (0–100)' },
          grid: { color: colour('--grid', '#e2e8f0') } },
        count: { position: 'right', beginAtZero: true, title: { display: true, text: 'Sessions' },
          grid: { display: false }, ticks: { precision: 0 } },
        x: { grid: { display: false } }
      }
    }
  });
}());
