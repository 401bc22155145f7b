
namespace MLNetScratchTrainer.Engine.Tests.Support;

/// <summary>The optimizer kinds as <c>DynamicData</c> sources for tests that run once per optimizer.</summary>
internal static class OptimizerKinds
{
    /// <summary>Every optimizer kind.</summary>
    public static IEnumerable<object[]> All =>
    [
        [OptimizerKind.Sgd],
        .. Stateful,
    ];

    /// <summary>The kinds that keep per-parameter state between steps (all but plain SGD).</summary>
    public static IEnumerable<object[]> Stateful =>
    [
        [OptimizerKind.Momentum],
        [OptimizerKind.Nesterov],
        [OptimizerKind.AdaGrad],
        [OptimizerKind.RmsProp],
        [OptimizerKind.Adam],
        [OptimizerKind.AdamW],
    ];
}
