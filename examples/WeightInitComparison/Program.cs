using MLNetScratchTrainer.Examples.WeightInitComparison;

return ExampleRunner.Run(
    "WeightInitComparison",
    "std 0.01 versus Xavier versus He: activations through 5 layers, and MNIST training from each start",
    args,
    WeightInitWalkthrough.Run,
    new IntegerOption("--iterations", "mini-batch updates per initialisation on MNIST (default 2000; 30 with --smoke)"));
