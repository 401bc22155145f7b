using MLNetScratchTrainer.Examples.SentimentComparison;

return ExampleRunner.Run(
    "SentimentComparison",
    "review sentiment from FeaturizeText's sparse n-gram vectors: the plugin's Mlp (trained on the sparse rows) beside SdcaLogisticRegression, LbfgsLogisticRegression and, on request, LightGbm",
    args,
    SentimentComparisonWalkthrough.Run,
    new FlagOption(SentimentComparisonWalkthrough.LightGbmOption, "also fit LightGbm (ignored with --smoke; about ten minutes on two cores on 177,833 slots)"));
