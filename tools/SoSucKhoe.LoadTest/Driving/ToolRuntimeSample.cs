namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// The load tool's own runtime over one interval: time its threads spent paused by the GC, collections by generation (each
/// collection counted once, under the generation it collected), and the thread pool at the end of the interval.
/// </summary>
public readonly record struct ToolRuntimeSample(
    double GcPauseMs, int Gen0Collections, int Gen1Collections, int Gen2Collections, int ThreadPoolThreads, long ThreadPoolQueue);
