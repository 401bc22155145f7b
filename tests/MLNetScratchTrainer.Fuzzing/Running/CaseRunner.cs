using System.Diagnostics;
using MLNetScratchTrainer.Fuzzing.Mutations;
using MLNetScratchTrainer.Fuzzing.Targets;

namespace MLNetScratchTrainer.Fuzzing.Running;

/// <summary>
/// Runs a case against a target and judges it: a documented exception (outermost and innermost; from this project's
/// own code always an <see cref="InvalidDataException"/>), or a load that scores bit-identically to the
/// valid file, within <see cref="TimeLimit"/> and <see cref="AllocationLimit"/>. Exceptions that signal a loader bug
/// (<see cref="NullReferenceException"/>, <see cref="IndexOutOfRangeException"/>, <see cref="OutOfMemoryException"/>,
/// <see cref="InsufficientExecutionStackException"/> — the catchable sign of runaway recursion —, <see cref="AccessViolationException"/>)
/// are findings wherever they appear in the chain, even wrapped in a documented type.
/// </summary>
public sealed class CaseRunner
{
    /// <summary>Most time one case may take.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(1);

    /// <summary>Most bytes one case may allocate: 100 MB.</summary>
    public const long AllocationLimit = 100_000_000;

    private static readonly Type[] Forbidden =
    [
        typeof(NullReferenceException), typeof(IndexOutOfRangeException), typeof(OutOfMemoryException), typeof(InsufficientExecutionStackException),
        typeof(AccessViolationException),
    ];

    private readonly ILoaderTarget _target;
    private readonly bool _enforceTimeLimit;
    private readonly float[] _expected;

    /// <summary>Scores the target's valid file once, as the reference for harmless mutations.</summary>
    /// <param name="target">The loader under test.</param>
    /// <param name="enforceTimeLimit">Whether a case over <see cref="TimeLimit"/> is a finding (false in unit tests, which assert no timings).</param>
    public CaseRunner(ILoaderTarget target, bool enforceTimeLimit = true)
    {
        _target = target;
        _enforceTimeLimit = enforceTimeLimit;
        _expected = target.LoadAndScore(target.ValidFile);
    }

    /// <summary>Loads <paramref name="fuzzCase"/> on the calling thread and judges the outcome.</summary>
    public CaseResult Run(FuzzCase fuzzCase)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        float[]? scores = null;
        Exception? error = null;
        try
        {
            scores = _target.LoadAndScore(fuzzCase.Bytes);
        }
        catch (Exception exception)
        {
            error = exception;
        }

        var elapsed = clock.Elapsed;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var (verdict, outcome, message) = Judge(fuzzCase, scores, error);
        if (verdict is Verdict.Rejected or Verdict.LoadedIdentical or Verdict.LoadedForgery)
        {
            verdict = allocated > AllocationLimit ? Verdict.TooMuchMemory : _enforceTimeLimit && elapsed > TimeLimit ? Verdict.TooSlow : verdict;
        }

        return new CaseResult(fuzzCase, verdict, outcome, message, elapsed, allocated);
    }

    private (Verdict, string, string) Judge(FuzzCase fuzzCase, float[]? scores, Exception? error)
    {
        if (error is null)
        {
            return scores!.AsSpan().SequenceEqual(_expected) ? (Verdict.LoadedIdentical, "loaded, identical scores", string.Empty)
                : fuzzCase.Rewritten ? (Verdict.LoadedForgery, "rewritten file loaded as the model it describes", string.Empty)
                : (Verdict.LoadedDifferent, "loaded, different scores", string.Empty);
        }

        var chain = Chain(error).ToList();
        string outcome = string.Join(" <- ", chain.Select(e => e.GetType().Name));
        bool documented = IsDocumented(chain[0]) && IsDocumented(chain[^1])
            && !chain.Any(e => Forbidden.Any(type => type.IsInstanceOfType(e)))
            && (chain[^1] is InvalidDataException or ArgumentException { ParamName: "schema" } || !ThrownByThisProject(chain[^1]));
        return (documented ? Verdict.Rejected : Verdict.UndocumentedException, outcome, chain[^1].Message);
    }

    private bool IsDocumented(Exception exception) => _target.DocumentedExceptions.Any(type => type.IsInstanceOfType(exception));

    /// <summary>
    /// This project's loaders promise <see cref="InvalidDataException"/> for every damaged file, whatever ML.NET allows itself.
    /// The one other exception of its own is at scoring: a damaged but readable feature-column name loads, and binding the
    /// model to the input then fails with <see cref="ArgumentException"/> (parameter <c>schema</c>) naming the missing column.
    /// </summary>
    private static bool ThrownByThisProject(Exception exception)
        => exception.TargetSite?.DeclaringType?.Namespace?.StartsWith("MLNetScratchTrainer", StringComparison.Ordinal) == true;

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
