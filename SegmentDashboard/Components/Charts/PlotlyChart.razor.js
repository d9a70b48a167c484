// The JS half of PlotlyChart: loads the vendored Plotly bundle once, draws with newPlot, updates
// with react, follows the element's size with a ResizeObserver, and cleans up on dispose.
const charts = new WeakMap();
let plotlyLoading;

function loadPlotly() {
    if (window.Plotly) {
        return Promise.resolve(window.Plotly);
    }
    if (!plotlyLoading) {
        plotlyLoading = new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = new URL('lib/plotly/plotly-strict.min.js', document.baseURI).href;
            script.async = true;
            script.onload = () => resolve(window.Plotly);
            script.onerror = () => {
                plotlyLoading = undefined;
                reject(new Error('The chart library could not be loaded.'));
            };
            document.head.appendChild(script);
        });
    }
    return plotlyLoading;
}

// WebGL traces (the segment scatter) need a usable WebGL context; without one (some VMs, remote
// desktops, projectors' browsers) they are drawn as SVG instead of Plotly's "not supported" box.
let webGlUsable;

function hasWebGl() {
    if (webGlUsable === undefined) {
        try {
            const canvas = document.createElement('canvas');
            webGlUsable = !!(canvas.getContext('webgl2') || canvas.getContext('webgl'));
        } catch {
            webGlUsable = false;
        }
    }
    return webGlUsable;
}

function withoutWebGl(data) {
    // Probe WebGL only for figures that need it (the probe creates a context).
    if (!data.some(trace => trace.type === 'scattergl') || hasWebGl()) {
        return data;
    }
    return data.map(trace => (trace.type === 'scattergl' ? { ...trace, type: 'scatter' } : trace));
}

const config = {
    responsive: false,
    displaylogo: false,
    displayModeBar: 'hover',
    modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d', 'toggleSpikelines'],
    toImageButtonOptions: { format: 'png', scale: 2 },
};

// Traces whose customdata holds row ids get their hover text from the chart's row table, which
// the server extends with only the rows it has not sent yet (rowsJson; newRowSource: start over).
function withRowTexts(data, rows) {
    for (const trace of data) {
        if (Array.isArray(trace.customdata) && trace.text === undefined) {
            trace.text = trace.customdata.map(row => rows.get(row) ?? '');
        }
    }
    return data;
}

// dataJson is null when the traces are the ones already drawn: keeping the same arrays lets
// Plotly.react skip recomputing them and redraw only what the new layout changed.
export async function render(element, dataJson, layoutJson, rowsJson, newRowSource) {
    const Plotly = await loadPlotly();
    if (!element || !element.isConnected) {
        return;
    }
    if (dataJson === null && !element.data) {
        throw new Error('The chart has no traces to keep.');
    }
    let state = charts.get(element);
    const isNew = !state;
    if (isNew) {
        state = { observer: undefined, frame: 0, rows: new Map() };
        charts.set(element, state);
    }
    if (newRowSource) {
        state.rows = new Map();
    }
    if (rowsJson) {
        for (const [row, text] of Object.entries(JSON.parse(rowsJson))) {
            state.rows.set(Number(row), text);
        }
    }
    const data = dataJson === null ? element.data : withRowTexts(withoutWebGl(JSON.parse(dataJson)), state.rows);
    const layout = JSON.parse(layoutJson);
    if (isNew) {
        await Plotly.newPlot(element, data, layout, config);
        state.observer = new ResizeObserver(() => {
            cancelAnimationFrame(state.frame);
            state.frame = requestAnimationFrame(() => {
                if (element.isConnected && element.data) {
                    Plotly.Plots.resize(element);
                }
            });
        });
        state.observer.observe(element);
    } else {
        await Plotly.react(element, data, layout, config);
    }
    element.dataset.rendered = String((Number(element.dataset.rendered) || 0) + 1);
}

export function dispose(element) {
    const state = charts.get(element);
    if (state) {
        cancelAnimationFrame(state.frame);
        state.observer?.disconnect();
        charts.delete(element);
    }
    if (window.Plotly && element) {
        window.Plotly.purge(element);
    }
}
