using MLNetScratchTrainer.Examples.TabularComparison;

return ExampleRunner.Run(
    "TabularComparison",
    "the plugin's Mlp beside ML.NET's trainers on iris, wine (multiclass), breast cancer (binary) and diabetes (regression)",
    args,
    TabularComparisonWalkthrough.Run);
