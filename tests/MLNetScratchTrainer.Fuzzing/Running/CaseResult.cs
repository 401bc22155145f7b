using MLNetScratchTrainer.Fuzzing.Mutations;

namespace MLNetScratchTrainer.Fuzzing.Running;

/// <summary>The outcome of one case.</summary>
/// <param name="Case">The mutated file.</param>
/// <param name="Verdict">How it ended.</param>
/// <param name="Outcome">For the tally: the exception chain (outermost first, e.g. <c>InvalidOperationException ← InvalidDataException</c>) or <c>loaded, identical scores</c>.</param>
/// <param name="Message">The innermost exception's message, or empty.</param>
/// <param name="Elapsed">Wall time of the load and scoring.</param>
/// <param name="AllocatedBytes">Bytes allocated by the case's thread.</param>
public sealed record CaseResult(FuzzCase Case, Verdict Verdict, string Outcome, string Message, TimeSpan Elapsed, long AllocatedBytes)
{
    /// <summary>True for every verdict that is a finding.</summary>
    public bool IsFinding => Verdict is not (Verdict.Rejected or Verdict.LoadedIdentical or Verdict.LoadedForgery);

    /// <inheritdoc/>
    public override string ToString()
        => $"{Verdict}: {Case.Kind} ({Case.Detail}) -> {Outcome} in {Elapsed.TotalMilliseconds:F0} ms, {AllocatedBytes >> 20} MiB{(Message.Length > 0 ? $": {Message}" : string.Empty)}";
}
