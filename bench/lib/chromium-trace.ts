// What ran on a Chromium renderer's main thread, read from a trace (bench/widget.ts): CPU times,
// long tasks, and which of the script events ran a given script's code.

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}
export type Trace = { traceEvents: TraceEvent[] } | TraceEvent[];

export interface MainThreadCpu {
  /** CPU (thread) time of top-level script events on the page's main thread. */
  scriptCpuMs: number;
  /** CPU time of every main-thread task (script, style, layout, paint, parsing…). */
  mainThreadCpuMs: number;
  /** Main-thread tasks of ≥ 50 ms CPU. */
  longTasksCpu: number;
  /** Wall and CPU time of the script events that ran the widget's code. */
  widgetScriptMs: number;
  widgetScriptCpuMs: number;
  /** Of which evaluating the widget's scripts (the rest: its callbacks, timers, idle callbacks). */
  widgetEvaluateCpuMs: number;
  /** Tasks that ran the widget's code and took ≥ 50 ms (wall: a long task), and ≥ 50 ms CPU. */
  widgetLongTasks: number;
  widgetLongTasksCpu: number;
}

/** Where JavaScript runs from the event loop; events nested in one of these are not counted again. */
export const SCRIPT_EVENTS = new Set(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'RunMicrotasks']);

/** Script from the widget's own files (/widget.js, /widget/app.<hash>.js). */
const WIDGET_URL = /\/widget(\.js|\/)/;

/**
 * CPU times of the renderer's main thread (the busiest CrRendererMain in the trace), ms; and what
 * ran the widget's own code: a top-level script event is the widget's when it or a script event
 * inside it names a widget URL, and a task is when it holds such an event.
 */
export function mainThreadCpu(trace: Trace): MainThreadCpu {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && mains.has(key)) (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  const topLevel = (list: TraceEvent[], keep: (e: TraceEvent) => boolean) => {
    let end = -Infinity;
    const out: TraceEvent[] = [];
    for (const e of list.filter(keep).sort((a, b) => a.ts - b.ts)) {
      if (e.ts < end) continue;
      out.push(e);
      end = e.ts + (e.dur ?? 0);
    }
    return out;
  };
  const sum = (list: TraceEvent[]) => list.reduce((t, e) => t + (e.tdur ?? e.dur ?? 0), 0) / 1000;
  const within = (outer: TraceEvent, inner: TraceEvent) => inner.ts >= outer.ts && inner.ts < outer.ts + (outer.dur ?? 0);
  let best: MainThreadCpu = { scriptCpuMs: 0, mainThreadCpuMs: 0, longTasksCpu: 0, widgetScriptMs: 0, widgetScriptCpuMs: 0, widgetEvaluateCpuMs: 0, widgetLongTasks: 0, widgetLongTasksCpu: 0 };
  for (const list of byThread.values()) {
    const tasks = topLevel(list, (e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    const scripts = topLevel(list, (e) => SCRIPT_EVENTS.has(e.name));
    const widgetMarks = list.filter((e) => SCRIPT_EVENTS.has(e.name) && WIDGET_URL.test(e.args?.data?.url ?? ''));
    const widgetScripts = scripts.filter((s) => widgetMarks.some((m) => within(s, m)));
    const widgetTasks = tasks.filter((t) => widgetScripts.some((s) => within(t, s)));
    const result = {
      scriptCpuMs: sum(scripts),
      mainThreadCpuMs: sum(tasks),
      longTasksCpu: tasks.filter((e) => (e.tdur ?? e.dur ?? 0) >= 50_000).length,
      widgetScriptMs: widgetScripts.reduce((t, e) => t + (e.dur ?? 0), 0) / 1000,
      widgetScriptCpuMs: sum(widgetScripts),
      widgetEvaluateCpuMs: sum(widgetScripts.filter((e) => e.name === 'EvaluateScript')),
      widgetLongTasks: widgetTasks.filter((e) => (e.dur ?? 0) >= 50_000).length,
      widgetLongTasksCpu: widgetTasks.filter((e) => (e.tdur ?? e.dur ?? 0) >= 50_000).length,
    };
    if (result.mainThreadCpuMs > best.mainThreadCpuMs) best = result;
  }
  return best;
}
