// Draws every chart listed in the page's JSON block, then tells the printer the page is ready.
(function () {
  'use strict';
  function fail(message) {
    window.bulletinError = String(message);
  }
  try {
    if (typeof echarts === 'undefined') {
      fail('ECharts did not load (echarts.js missing from the bulletin assets)');
      return;
    }
    // Chart text in the page's one CJK family, so the PDF carries no second family for digits and Latin text.
    echarts.registerTheme('bulletin', { textStyle: { fontFamily: '"Noto Sans CJK SC", sans-serif' } });
    var block = document.getElementById('bulletin-charts');
    var charts = block ? JSON.parse(block.textContent) : [];
    charts.forEach(function (chart) {
      var element = document.getElementById(chart.id);
      if (!element) {
        throw new Error('no element for chart ' + chart.id);
      }
      var instance = echarts.init(element, 'bulletin', { renderer: 'svg' });
      instance.setOption(chart.option, { notMerge: true, lazyUpdate: false });
    });
    // Two frames: the SVG is in the DOM after setOption; the second frame guarantees layout is done.
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        window.bulletinReady = true;
      });
    });
  } catch (error) {
    fail(error && error.stack ? error.stack : error);
  }
})();
