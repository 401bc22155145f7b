using MLNetScratchTrainer.Examples.OptimizerComparison;

return ExampleRunner.Run(
    "OptimizerComparison",
    "SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam training the same MNIST network from the same start",
    args,
    OptimizerComparisonWalkthrough.Run,
    new IntegerOption("--iterations", "mini-batch updates per optimizer (default 2000; 30 with --smoke)"));
