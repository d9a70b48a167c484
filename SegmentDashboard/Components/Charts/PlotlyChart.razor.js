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
    return hasWebGl() ? data : data.map(trace => (trace.type === 'scattergl' ? { ...trace, type: 'scatter' } : trace));
}

const config = {
    responsive: false,
    displaylogo: false,
    displayModeBar: 'hover',
    modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d', 'toggleSpikelines'],
    toImageButtonOptions: { format: 'png', scale: 2 },
};

export async function render(element, json) {
    const Plotly = await loadPlotly();
    if (!element || !element.isConnected) {
        return;
    }
    const figure = JSON.parse(json);
    const data = withoutWebGl(figure.data);
    let state = charts.get(element);
    if (!state) {
        state = { observer: undefined, frame: 0 };
        charts.set(element, state);
        await Plotly.newPlot(element, data, figure.layout, config);
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
        await Plotly.react(element, data, figure.layout, config);
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
