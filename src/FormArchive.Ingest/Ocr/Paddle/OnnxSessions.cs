using Microsoft.ML.OnnxRuntime;

namespace FormArchive.Ingest.Ocr.Paddle;

/// <summary>
/// Session options: one intra-op and one inter-op thread, sequential execution, full graph optimisation. Throughput
/// comes from several pages in parallel, one thread each; a second intra-op thread makes recognition spin-wait.
/// </summary>
internal static class OnnxSessions
{
    public static InferenceSession Open(string modelPath)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // Input sizes change with every page and strip: a pattern planner or arena only keeps peaks alive.
            EnableMemoryPattern = false,
            EnableCpuMemArena = false,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(modelPath, options);
    }
}
