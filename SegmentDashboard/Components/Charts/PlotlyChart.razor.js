// The small JS half of PlotlyChart. Plotly.Blazor draws; its wrappers do not return Plotly's
// promise, so this module tells the server when the figure it sent has been drawn: every figure
// carries its version in layout.meta, and settle() resolves once Plotly shows that version and is
// no longer redrawing. It also fills hover texts from a per-chart row table (the server sends each
// row's text once, traces carry row ids in customdata) and follows the element's size.
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

// Resolves true once the chart shows `version` (stable over two frames), false after timeoutMs.
async function drawn(id, version, timeoutMs) {
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

// rowsJson: row id -> hover text for rows the browser does not have yet (null: none);
// newRowSource: the table starts over (another dataset); fillTexts: the traces changed, so traces
// whose customdata holds row ids get their text from the table.
export async function settle(id, version, rowsJson, newRowSource, fillTexts, timeoutMs) {
    const chart = state(id);
    if (newRowSource) {
        chart.rows = new Map();
    }
    if (rowsJson) {
        for (const [row, text] of Object.entries(JSON.parse(rowsJson))) {
            chart.rows.set(Number(row), text);
        }
    }
    if (!(await drawn(id, version, timeoutMs))) {
        return false;
    }
    const element = document.getElementById(id);
    observe(id, element, chart);
    if (fillTexts) {
        const indices = [];
        const texts = [];
        element.data.forEach((trace, index) => {
            if (Array.isArray(trace.customdata)) {
                indices.push(index);
                texts.push(trace.customdata.map(row => chart.rows.get(row) ?? ''));
            }
        });
        if (indices.length > 0) {
            await window.Plotly.restyle(element, { text: texts }, indices);
        }
    }
    element.dataset.rendered = String(version);
    return true;
}

export function dispose(id) {
    const chart = charts.get(id);
    if (chart) {
        cancelAnimationFrame(chart.frame);
        chart.observer?.disconnect();
        charts.delete(id);
    }
}
