// The small JS half of PlotlyChart. Plotly.Blazor's chart creates the plot; this module draws the
// figures the server sends as JSON (draw: Plotly.react of a whole figure; update: Plotly.update of
// what changed) and resolves once the browser shows them: every figure carries its version in
// layout.meta, and drawn() waits until Plotly shows that version and is no longer redrawing. It
// also fills hover texts from a per-chart row table (the server sends each row's text once, traces
// carry row ids in customdata) and follows the element's size.
const charts = new Map();

let webGl;

export function webGlUsable() {
    if (webGl === undefined) {
        try {
            const canvas = document.createElement('canvas');
            webGl = !!(canvas.getContext('webgl2') || canvas.getContext('webgl'));
        } catch {
            webGl = false;
        }
    }
    return webGl;
}

function state(id) {
    let chart = charts.get(id);
    if (!chart) {
        chart = { rows: new Map(), observer: undefined, frame: 0 };
        charts.set(id, chart);
    }
    return chart;
}

function shows(element, version) {
    const full = element && element._fullLayout;
    return !!full && full.meta === version && !full._replotting && !!element.querySelector('.main-svg');
}

function nextFrame() {
    return new Promise(resolve => requestAnimationFrame(() => resolve()));
}

// Resolves true once the chart shows `version`, false after timeoutMs. Called after an awaited
// Plotly.react/update: the chart then shows it at once, and the "ready" this leads to reaches the
// screen after a round trip to the server, so no later than the chart's own paint. Otherwise
// (still replotting, or drawn over meanwhile) it must show it over two frames in a row.
async function drawn(id, version, timeoutMs) {
    if (shows(document.getElementById(id), version)) {
        return true;
    }
    const end = performance.now() + timeoutMs;
    let stable = 0;
    while (performance.now() < end) {
        await nextFrame();
        const element = document.getElementById(id);
        if (!element) {
            return false;
        }
        stable = shows(element, version) ? stable + 1 : 0;
        if (stable >= 2) {
            return true;
        }
    }
    return false;
}

function observe(id, element, chart) {
    if (chart.observer) {
        return;
    }
    chart.observer = new ResizeObserver(() => {
        cancelAnimationFrame(chart.frame);
        chart.frame = requestAnimationFrame(() => {
            if (element.isConnected && element._fullLayout && window.Plotly) {
                window.Plotly.Plots.resize(element);
            }
        });
    });
    chart.observer.observe(element);
}

// rowTexts: row id -> hover text for rows the browser does not have yet (null: none);
// newRowSource: the table starts over (another dataset).
function addRows(chart, rowTexts, newRowSource) {
    if (newRowSource) {
        chart.rows = new Map();
    }
    if (rowTexts) {
        for (const [row, text] of Object.entries(rowTexts)) {
            chart.rows.set(Number(row), text);
        }
    }
}

// The hover texts of row ids (a trace's customdata), from the chart's row table.
function textsOf(chart, rows) {
    return rows.map(row => chart.rows.get(row) ?? '');
}

// Resolves with the chart's element once Plotly has plotted it (Plotly.Blazor's chart creates it
// empty, version 0, from its own first render): drawing before that would be drawn over.
async function plotted(id, timeoutMs) {
    const end = performance.now() + timeoutMs;
    while (performance.now() < end) {
        const element = document.getElementById(id);
        if (!element) {
            return null;
        }
        if (element._fullLayout && !element._fullLayout._replotting) {
            return element;
        }
        await nextFrame();
    }
    return null;
}

// The chart shows `version`: follow its size from now on and say so on the element.
function rendered(element, chart, version) {
    observe(element.id, element, chart);
    element.dataset.rendered = String(version);
    return true;
}

// Draws a whole figure ({ data, layout }, shown as `version`) with Plotly.react: the first
// figure, or one whose traces came and went. Traces whose customdata holds row ids get their hover
// texts from the row table in the same draw. Resolves true once the browser shows it, false if the
// element went away or timeoutMs passed.
export async function draw(id, version, figure, config, rowTexts, newRowSource, timeoutMs) {
    const chart = state(id);
    addRows(chart, rowTexts, newRowSource);
    const element = await plotted(id, timeoutMs);
    if (!element) {
        return false;
    }
    for (const trace of figure.data) {
        if (Array.isArray(trace.customdata) && trace.text === undefined) {
            trace.text = textsOf(chart, trace.customdata);
        }
    }
    figure.layout.meta = version;
    await window.Plotly.react(element, figure.data, figure.layout, JSON.parse(config));
    return (await drawn(id, version, timeoutMs)) && rendered(element, chart, version);
}

// Plotly.update of the changed trace attributes (data: attribute -> one value per trace, for every
// trace) and layout entries, shown as `version`. New customdata brings its hover texts along in
// the same update. Resolves like draw().
export async function update(id, version, data, layout, rowTexts, newRowSource, timeoutMs) {
    const chart = state(id);
    addRows(chart, rowTexts, newRowSource);
    const element = await plotted(id, timeoutMs);
    if (!element) {
        return false;
    }
    if (Array.isArray(data.customdata)) {
        data.text = data.customdata.map(rows => Array.isArray(rows) ? textsOf(chart, rows) : rows);
    }
    const traces = Object.keys(data).length > 0 ? element.data.map((_, index) => index) : undefined;
    await window.Plotly.update(element, data, layout, traces);
    // The version goes in afterwards, past Plotly.update: layout.meta is an "editType: plot"
    // attribute, so changing it through Plotly redraws the whole plot, where moving the elbow's
    // k line alone only redraws the line. meta is shown nowhere; it only says which figure this is.
    element.layout.meta = version;
    element._fullLayout.meta = version;
    return (await drawn(id, version, timeoutMs)) && rendered(element, chart, version);
}

// One small figure of each kind the dashboard draws: stacked bars on two subplots (histograms,
// categories, sizes), a heatmap with a colour bar, a box from precomputed statistics, an SVG
// scatter with hover texts, a WebGL scatter, filled and marked lines (silhouette, elbow) and a
// radar. A cold plotly.js spends about as long compiling its code for a chart kind as drawing it.
const warmUpFigures = [
    {
        data: [
            { type: 'bar', x: [1, 2, 3], y: [3, 1, 2], name: 'a', hovertemplate: '%{x}<br>%{y}<extra>a</extra>' },
            { type: 'bar', x: [1, 2, 3], y: [1, 2, 1], name: 'b', xaxis: 'x2', yaxis: 'y2' },
        ],
        layout: { barmode: 'stack', grid: { rows: 1, columns: 2, pattern: 'independent' } },
    },
    { data: [{ type: 'heatmap', z: [[1, 0.5], [0.5, 1]], x: ['a', 'b'], y: ['a', 'b'], colorscale: [[0, '#2166ac'], [1, '#b2182b']], colorbar: { thickness: 12 } }], layout: {} },
    { data: [{ type: 'box', q1: [1], median: [2], q3: [3], lowerfence: [0], upperfence: [4], mean: [2], boxpoints: false, x: ['a'] }], layout: {} },
    { data: [{ type: 'scatter', mode: 'markers', x: [1, 2, 3], y: [2, 1, 3], customdata: [0, 1, 2], text: ['a', 'b', 'c'], hoverinfo: 'text' }], layout: {} },
    { data: [{ type: 'scattergl', mode: 'markers', x: [1, 2, 3], y: [2, 1, 3] }], layout: {} },
    {
        data: [
            { type: 'scatter', x: [0.2, 0.4], y: [1, 2], fill: 'tozerox', mode: 'lines' },
            { type: 'scatter', x: [1, 2, 3], y: [3, 2, 1], mode: 'lines+markers' },
        ],
        layout: {},
    },
    { data: [{ type: 'scatterpolar', r: [1, 2, 3, 1], theta: ['a', 'b', 'c', 'a'], fill: 'toself' }], layout: { polar: { radialaxis: { visible: true } } } },
];

let warming;

// Draws each warm-up figure once, off screen, then removes it, so the first real chart of each
// kind does not also pay for compiling plotly.js. Once per page load; resolves when done (the
// status says "loading charts…" until then: a click meanwhile would wait behind these draws).
export function warmUp() {
    if (!warming) {
        warming = window.Plotly ? drawWarmUpFigures() : Promise.resolve();
    }
    return warming;
}

async function drawWarmUpFigures() {
    const host = document.createElement('div');
    host.className = 'chart-warmup';
    host.setAttribute('aria-hidden', 'true');
    document.body.appendChild(host);
    for (const figure of warmUpFigures) {
        const element = document.createElement('div');
        host.appendChild(element);
        try {
            await window.Plotly.newPlot(element, figure.data, { ...figure.layout, width: 400, height: 300 }, { displayModeBar: false });
        } catch {
            // Only a head start.
        }
        window.Plotly.purge(element);
        element.remove();
        await nextFrame();
    }
    host.remove();
}

export function dispose(id) {
    const chart = charts.get(id);
    if (chart) {
        cancelAnimationFrame(chart.frame);
        chart.observer?.disconnect();
        charts.delete(id);
    }
}
