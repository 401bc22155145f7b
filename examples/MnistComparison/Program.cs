using MLNetScratchTrainer.Examples.MnistComparison;

return ExampleRunner.Run(
    "MnistComparison",
    "MNIST through ML.NET: the plugin's Mlp beside SdcaMaximumEntropy, LbfgsMaximumEntropy, FastTree and LightGbm; fit, evaluate, save, reload; the plugin's overhead",
    args,
    MnistComparisonWalkthrough.Run,
    new IntegerOption("--epochs", "epochs of the Mlp and of the overhead measurement (default 5; 1 with --smoke)"),
    new FlagOption("--overhead", "only measure the plugin's Mlp fit against the engine's on the same arrays (5 runs each)"));
