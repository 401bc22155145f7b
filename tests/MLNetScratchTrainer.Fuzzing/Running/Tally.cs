namespace MLNetScratchTrainer.Fuzzing.Running;

/// <summary>Counts of cases by outcome, and the findings with their details.</summary>
public sealed class Tally
{
    private readonly SortedDictionary<string, int> _byOutcome = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _byKind = new(StringComparer.Ordinal);
    private readonly List<CaseResult> _findings = [];

    /// <summary>Cases counted.</summary>
    public int Cases { get; private set; }

    /// <summary>Slowest case seen.</summary>
    public TimeSpan Slowest { get; private set; }

    /// <summary>Largest allocation of one case.</summary>
    public long MostAllocated { get; private set; }

    /// <summary>Every case that is a finding, in order.</summary>
    public IReadOnlyList<CaseResult> Findings => _findings;

    /// <summary>Adds a result.</summary>
    public void Add(CaseResult result)
    {
        Cases++;
        string key = result.IsFinding ? $"FINDING {result.Verdict}: {result.Outcome}" : result.Outcome;
        _byOutcome[key] = _byOutcome.GetValueOrDefault(key) + 1;
        _byKind[result.Case.Kind] = _byKind.GetValueOrDefault(result.Case.Kind) + 1;
        Slowest = result.Elapsed > Slowest ? result.Elapsed : Slowest;
        MostAllocated = Math.Max(MostAllocated, result.AllocatedBytes);
        if (result.IsFinding)
        {
            _findings.Add(result);
        }
    }

    /// <summary>A table of outcomes and mutation kinds with counts.</summary>
    public string Report()
    {
        var lines = new List<string> { $"{Cases} cases, {_findings.Count} findings; slowest {Slowest.TotalMilliseconds:F0} ms, most allocated {MostAllocated / 1e6:F1} MB", "outcomes:" };
        lines.AddRange(_byOutcome.Select(p => $"  {p.Value,8}  {p.Key}"));
        lines.Add("mutation kinds:");
        lines.AddRange(_byKind.Select(p => $"  {p.Value,8}  {p.Key}"));
        return string.Join(Environment.NewLine, lines);
    }
}
